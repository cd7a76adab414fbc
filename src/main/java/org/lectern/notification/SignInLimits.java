package org.lectern.notification;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most three sign-in links per address per 15 minutes, so nobody can flood a delegate's mailbox.
 * In memory per node: with N nodes the limit is at most N times looser, which is enough.
 */
@Component
class SignInLimits {

  static final int PER_WINDOW = 3;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 50_000;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  boolean tryAcquire(String emailIndex) {
    if (buckets.size() > MAX_TRACKED) {
      buckets.clear(); // crude, but bounds memory against address spraying
    }
    return buckets
        .computeIfAbsent(
            emailIndex,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(PER_WINDOW)
                            .refillGreedy(PER_WINDOW, WINDOW)
                            .build())
                    .build())
        .tryConsume(1);
  }
}
