package org.lectern.registration;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.limit.LeasedPermits;
import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registrations per client address and per e-mail (by blind index) for everyone, and per user for
 * signed-in callers, with a higher allowance. Counted in the shared {@link RateLimiter}, so the
 * limits hold across nodes and restarts; the per-user allowance in shares ({@link LeasedPermits}).
 */
@Component
class RateLimits {

  private final boolean enabled;
  private final Limit perAddress;
  private final Limit perEmail;
  private final LeasedPermits perUser;
  private final RateLimiter limiter;
  private final PersonalDataCipher cipher;

  RateLimits(
      @Value("${lectern.registration.rate-limit.enabled:true}") boolean enabled,
      @Value("${lectern.registration.rate-limit.per-address-per-minute:20}") int perAddress,
      @Value("${lectern.registration.rate-limit.per-email-per-hour:10}") int perEmail,
      @Value("${lectern.registration.rate-limit.per-user-per-minute:120}") int perUser,
      RateLimiter limiter,
      PersonalDataCipher cipher,
      Clock clock) {
    this.enabled = enabled;
    this.perAddress = Limit.perMinute("registration.address", perAddress, "registration.tooMany");
    this.perEmail =
        new Limit("registration.email", perEmail, Duration.ofHours(1), "registration.tooMany");
    // A client's allowance is large and used from one node at a time: taken an eighth at a time
    // (at most 64), one statement per share instead of one per registration (issue 16).
    this.perUser =
        new LeasedPermits(
            limiter,
            Limit.perMinute("registration.user", perUser, "registration.tooMany"),
            Math.max(1, Math.min(64, perUser / 8)),
            clock);
    this.limiter = limiter;
    this.cipher = cipher;
  }

  /** Counts one registration for the address and the e-mail; throws 429 when either is spent. */
  void check(String address, String email) {
    if (!enabled) {
      return;
    }
    if (email != null && !email.isBlank()) {
      // One statement for both counts (issue 16).
      limiter.acquire(perAddress, address, perEmail, cipher.emailIndex(email));
    } else {
      limiter.acquire(perAddress, address);
    }
  }

  /** Counts one registration made by a signed-in user (an organiser's import or client). */
  void checkUser(UUID userId) {
    checkUser(userId, null);
  }

  /**
   * As {@link #checkUser(UUID)}, running {@code beforeCounted} (which may throw) before the shared
   * count is written: a request whose token is still unchecked reads it first (ADR 0004, amendment
   * "the token checked in the batch"). A permit in this node's hand is used without that read, so
   * the returned action gives it back, for a request whose token turns out revoked or expired: it
   * is not the account's use, and must not cost the account's holder a registration.
   */
  Runnable checkUser(UUID userId, Runnable beforeCounted) {
    if (!enabled) {
      return () -> {};
    }
    return perUser.acquire(userId.toString(), beforeCounted)::giveBack;
  }
}
