package org.lectern.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Polite sending: at most so many messages a minute to one destination domain, and in total,
 * counted in PostgreSQL so that several nodes together keep to the same rate. A message over the
 * rate waits for the window its turn comes in ({@link #book}); waiting is not a failed attempt.
 */
@Component
class MailPace {

  static final Duration WINDOW = Duration.ofMinutes(1);

  private final RateLimiter limiter;
  private final Duration window;
  private final Limit perDomain;
  private final Limit total;
  // Lane and domain (or lane and "*") -> the first free moment after those booked (see book).
  private final Map<String, Instant> booked = new HashMap<>();

  @Autowired
  MailPace(
      RateLimiter limiter,
      @Value("${lectern.mail.per-domain-per-minute:600}") int perDomain,
      @Value("${lectern.mail.per-minute:3000}") int total) {
    this(limiter, perDomain, total, WINDOW);
  }

  /** The same pace over another window (tests: a window no run of a test can straddle). */
  MailPace(RateLimiter limiter, int perDomain, int total, Duration window) {
    this.limiter = limiter;
    this.window = window;
    this.perDomain = new Limit("mail.domain", perDomain, window, "notification.mail.paced");
    this.total = new Limit("mail.total", total, window, "notification.mail.paced");
  }

  /**
   * Counts a batch at once: per destination domain, then in total, one statement each (was two per
   * message). Returns, for each recipient in order, whether it may go now; within a domain and in
   * total the earlier ones in the batch go first, as if counted one by one. The domains are counted
   * in the order of their names, whatever the order of the batch, and the total last: each count
   * locks its window's row until the batch's transaction ends, and two nodes counting the same
   * domains in different orders deadlocked (one batch rolled back; seen in {@code
   * MailPaceTwoNodesIT}).
   */
  boolean[] mayTake(List<String> recipients) {
    Map<String, List<Integer>> byDomain = new TreeMap<>();
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
    long w = window.toMillis();
    return Instant.ofEpochMilli((now.toEpochMilli() / w + 1) * w);
  }

  /**
   * When a message the pace refused is due again: in the window its turn comes in (issue 16: all of
   * them were put back to the next window, which then refused most of them again, a whole batch of
   * claims, decryption and updates each time). The refused messages of one destination domain are
   * booked one after the other at the domain's pace from the start of the next window on (the k-th
   * at that start + k × window / permits), and those of all domains together at the total pace, so
   * each comes due about when a permit will be free for it. Lanes are booked apart: an urgent mail
   * is never booked behind a bulk burst; it comes due at the next window's start with the first of
   * them and leaves first, since the claim orders by lane. The booking is this node's view only;
   * whether a message may go is still counted in PostgreSQL when it comes due, so several nodes or
   * a restart never send faster than the pace, at worst a message is refused and booked again.
   */
  synchronized Instant book(int lane, String recipient, Instant now) {
    if (booked.size() > 10_000) {
      booked.values().removeIf(t -> !t.isAfter(now));
    }
    String byDomain = lane + " " + domain(recipient);
    String inTotal = lane + " *";
    Instant next = nextWindow(now);
    Instant domainFree = later(next, booked.get(byDomain));
    Instant totalFree = later(next, booked.get(inTotal));
    Instant slot = later(domainFree, totalFree);
    booked.put(byDomain, slot.plus(window.dividedBy(perDomain.permits())));
    // The total counts turns, not moments: a mail booked late for its domain's sake does not push
    // the other domains' mails back.
    booked.put(inTotal, totalFree.plus(window.dividedBy(total.permits())));
    return slot;
  }

  private static Instant later(Instant a, Instant b) {
    return b != null && b.isAfter(a) ? b : a;
  }

  static String domain(String recipient) {
    int at = recipient.lastIndexOf('@');
    return (at < 0 ? recipient : recipient.substring(at + 1)).strip().toLowerCase(Locale.ROOT);
  }
}
