package org.lectern.certificate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Completion decided by the test, standing in for the attendance module until it is merged: a
 * {@code @Primary} {@link CompletionSource} that tests fill per registration.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCompletions {

  /** Registration id → completion; programmes are told apart by their registrations. */
  static final Map<UUID, Completion> COMPLETIONS = new ConcurrentHashMap<>();

  static void completed(UUID registrationId, Duration attended) {
    COMPLETIONS.put(
        registrationId,
        new Completion(
            registrationId, true, attended, 2, "certificate.reason.completed", List.of(2, 2)));
  }

  static void notCompleted(UUID registrationId, Duration attended) {
    COMPLETIONS.put(
        registrationId,
        new Completion(
            registrationId, false, attended, 1, "certificate.reason.notCompleted", List.of(1, 2)));
  }

  @Bean
  @Primary
  CompletionSource testCompletions() {
    return programmeId -> List.copyOf(COMPLETIONS.values());
  }
}
