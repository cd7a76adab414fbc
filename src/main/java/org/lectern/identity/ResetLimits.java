package org.lectern.identity;

import java.time.Duration;
import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Limits on password-reset requests: three links per e-mail address and twenty requests per network
 * address per 15 minutes, counted in the shared {@link RateLimiter} (so on every node).
 */
@Component
record ResetLimits(RateLimiter limiter) {

  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Limit PER_EMAIL = new Limit("reset.email", 3, WINDOW, "identity.reset.limited");
  static final Limit PER_CLIENT = new Limit("reset.client", 20, WINDOW, "identity.reset.limited");

  boolean tryEmail(String email) {
    return limiter.tryAcquire(PER_EMAIL, email);
  }

  /** Counts a request from this network address, or refuses it with 429 and Retry-After. */
  void client(String address) {
    limiter.acquire(PER_CLIENT, address);
  }
}
