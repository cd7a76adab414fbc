package org.lectern.registration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Anonymous registrations per address and per e-mail, in memory (per node: several nodes allow
 * several times the rate, which is acceptable against spam). E-mails are keyed by blind index.
 */
@Component
class RateLimits {

  private static final int MAX_KEYS = 100_000;

  private final boolean enabled;
  private final int perAddress;
  private final int perEmail;
  private final PersonalDataCipher cipher;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimits(
      @Value("${lectern.registration.rate-limit.enabled:true}") boolean enabled,
      @Value("${lectern.registration.rate-limit.per-address-per-minute:20}") int perAddress,
      @Value("${lectern.registration.rate-limit.per-email-per-hour:10}") int perEmail,
      PersonalDataCipher cipher) {
    this.enabled = enabled;
    this.perAddress = perAddress;
    this.perEmail = perEmail;
    this.cipher = cipher;
  }

  /** Takes one token for the address and one for the e-mail; throws when either is exhausted. */
  void check(String address, String email) {
    if (!enabled) {
      return;
    }
    if (buckets.size() > MAX_KEYS) {
      buckets.clear();
    }
    boolean ok =
        bucket("a:" + address, perAddress, Duration.ofMinutes(1)).tryConsume(1)
            && (email == null
                || email.isBlank()
                || bucket("e:" + cipher.emailIndex(email), perEmail, Duration.ofHours(1))
                    .tryConsume(1));
    if (!ok) {
      throw new TooManyRequests();
    }
  }

  private Bucket bucket(String key, int capacity, Duration period) {
    return buckets.computeIfAbsent(
        key,
        k ->
            Bucket.builder()
                .addLimit(
                    Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
  }

  /** Answered 429 in the user's language. */
  static class TooManyRequests extends org.lectern.shared.error.DomainException {
    TooManyRequests() {
      super("registration.tooMany");
    }
  }
}
