package org.lectern.certificate;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.shared.error.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Verification look-ups per client address, in memory per node: codes carry 95 random bits, so the
 * limit is against scraping and load rather than guessing.
 */
@Component
class VerifyLimits {

  private static final int MAX_KEYS = 100_000;

  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  VerifyLimits(@Value("${lectern.certificate.verify-per-minute:30}") int perMinute) {
    this.perMinute = perMinute;
  }

  void check(String address) {
    if (buckets.size() > MAX_KEYS) {
      buckets.clear();
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            address,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(perMinute)
                            .refillGreedy(perMinute, Duration.ofMinutes(1))
                            .build())
                    .build());
    if (!bucket.tryConsume(1)) {
      throw new TooMany();
    }
  }

  /** Answered 429 by {@link CertificateErrors}. */
  static class TooMany extends DomainException {
    TooMany() {
      super("certificate.tooMany");
    }
  }
}
