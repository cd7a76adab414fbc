package org.lectern.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * Counts a batch at once: per destination domain, then in total, one statement each (was two per
   * message). Returns, for each recipient in order, whether it may go now; within a domain and in
   * total the earlier ones in the batch go first, as if counted one by one.
   */
  boolean[] mayTake(List<String> recipients) {
    Map<String, List<Integer>> byDomain = new LinkedHashMap<>();
    for (int i = 0; i < recipients.size(); i++) {
      byDomain.computeIfAbsent(domain(recipients.get(i)), d -> new ArrayList<>()).add(i);
    }
    boolean[] allowed = new boolean[recipients.size()];
    int passed = 0;
    for (var e : byDomain.entrySet()) {
      int granted = limiter.acquireUpTo(perDomain, e.getKey(), e.getValue().size());
      for (int k = 0; k < granted; k++) {
        allowed[e.getValue().get(k)] = true;
      }
      passed += granted;
    }
    int inTotal = passed == 0 ? 0 : limiter.acquireUpTo(total, "all", passed);
    for (int i = 0; i < allowed.length; i++) {
      if (allowed[i]) {
        allowed[i] = inTotal-- > 0;
      }
    }
    return allowed;
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
