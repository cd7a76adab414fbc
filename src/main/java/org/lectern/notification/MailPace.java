package org.lectern.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Polite sending: at most so many messages a minute to one destination domain, and in total,
 * counted in PostgreSQL so that several nodes together keep to the same rate. A message over the
 * rate waits for the next minute; waiting is not a failed attempt.
 */
@Component
class MailPace {

  static final Duration WINDOW = Duration.ofMinutes(1);

  private final RateLimiter limiter;
  private final Limit perDomain;
  private final Limit total;

  MailPace(
      RateLimiter limiter,
      @Value("${lectern.mail.per-domain-per-minute:600}") int perDomain,
      @Value("${lectern.mail.per-minute:3000}") int total) {
    this.limiter = limiter;
    this.perDomain = new Limit("mail.domain", perDomain, WINDOW, "notification.mail.paced");
    this.total = new Limit("mail.total", total, WINDOW, "notification.mail.paced");
  }

  /** Counts one message to {@code recipient}; false when it must wait for the next window. */
  boolean mayTake(String recipient) {
    return limiter.tryAcquire(perDomain, domain(recipient)) && limiter.tryAcquire(total, "all");
  }

  /** When a message that had to wait is due again: the start of the next window. */
  Instant nextWindow(Instant now) {
    long w = WINDOW.toMillis();
    return Instant.ofEpochMilli((now.toEpochMilli() / w + 1) * w);
  }

  static String domain(String recipient) {
    int at = recipient.lastIndexOf('@');
    return (at < 0 ? recipient : recipient.substring(at + 1)).strip().toLowerCase(Locale.ROOT);
  }
}
