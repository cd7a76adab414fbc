package org.lectern.certificate;

import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Verification look-ups and uploads per client address, in the shared {@link RateLimiter}: codes
 * carry 95 random bits, so the limit is against scraping and load rather than guessing.
 */
@Component
class VerifyLimits {

  private final Limit perAddress;
  private final RateLimiter limiter;

  VerifyLimits(
      @Value("${lectern.certificate.verify-per-minute:30}") int perMinute, RateLimiter limiter) {
    this.perAddress = Limit.perMinute("verify.address", perMinute, "certificate.tooMany");
    this.limiter = limiter;
  }

  /** Counts one check for the address; throws 429 when the minute's allowance is spent. */
  void check(String address) {
    limiter.acquire(perAddress, address);
  }
}
