package org.lectern.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Limits on password-reset requests: three links per e-mail address and twenty requests per network
 * address per 15 minutes. In memory per node (with N nodes at most N times looser); one class, so
 * that a limiter shared through the database can replace it.
 */
@Component
class ResetLimits {

  static final int PER_EMAIL = 3;
  static final int PER_CLIENT = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 50_000;

  private final Map<String, Bucket> byEmail = new ConcurrentHashMap<>();
  private final Map<String, Bucket> byClient = new ConcurrentHashMap<>();

  boolean tryEmail(String email) {
    return take(byEmail, email, PER_EMAIL);
  }

  boolean tryClient(String address) {
    return take(byClient, address, PER_CLIENT);
  }

  private static boolean take(Map<String, Bucket> buckets, String key, int capacity) {
    if (buckets.size() > MAX_TRACKED) {
      buckets.clear(); // crude, but bounds memory against address spraying
    }
    return buckets
        .computeIfAbsent(
            key,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(capacity)
                            .refillGreedy(capacity, WINDOW)
                            .build())
                    .build())
        .tryConsume(1);
  }
}
