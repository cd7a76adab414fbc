package org.lectern.identity;

import java.time.Duration;
import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most three sign-in links per address per 15 minutes, so nobody can flood a delegate's mailbox,
 * and a number of link requests per network address per 15 minutes, so nobody can fill the table of
 * waiting requests from one machine; both counted in the shared {@link RateLimiter}, so they hold
 * across nodes. The second limit depends only on where a request comes from, never on the address
 * asked for: its refusal tells nothing about who takes part.
 */
@Component
public class DelegateSignInLimits {

  public static final int PER_WINDOW = 3;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Limit LINKS =
      new Limit("signin.email", PER_WINDOW, WINDOW, "error.title.429");

  private final RateLimiter limiter;
  private final Limit perClient;

  DelegateSignInLimits(
      RateLimiter limiter,
      @Value("${lectern.delegate.sign-in.per-client-per-quarter-hour:100}") int perClient) {
    this.limiter = limiter;
    this.perClient =
        new Limit("signin.client", perClient, WINDOW, "identity.delegateSignIn.limited");
  }

  boolean tryAcquire(String emailIndex) {
    return limiter.tryAcquire(LINKS, emailIndex);
  }

  /** Counts a link request from this network address, or refuses it (429 with Retry-After). */
  void client(String address) {
    limiter.acquire(perClient, address);
  }

  /** Link requests one network address may make per 15 minutes. */
  public int perClient() {
    return perClient.permits();
  }
}
