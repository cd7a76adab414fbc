package org.lectern.identity;

import java.time.Duration;
import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * At most three sign-in links per address per 15 minutes, so nobody can flood a delegate's mailbox;
 * counted in the shared {@link RateLimiter}, so it holds across nodes.
 */
@Component
public record DelegateSignInLimits(RateLimiter limiter) {

  public static final int PER_WINDOW = 3;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Limit LINKS =
      new Limit("signin.email", PER_WINDOW, WINDOW, "error.title.429");

  boolean tryAcquire(String emailIndex) {
    return limiter.tryAcquire(LINKS, emailIndex);
  }
}
