package org.lectern.attendance;

import java.util.Collection;
import org.lectern.shared.error.InvalidInputException;

/**
 * When a delegate has completed a programme: at least {@code minPercent} % of each of at least
 * {@code minSessions} sessions (0 = every session). A session credited by another source (a
 * recording watched and its quiz passed) counts as attended.
 */
public record CompletionRule(int minPercent, int minSessions) {

  public static final CompletionRule DEFAULT = new CompletionRule(75, 0);

  public static CompletionRule of(Integer minPercent, Integer minSessions) {
    var problems = new InvalidInputException.Collector();
    problems.check(
        minPercent != null && minPercent >= 1 && minPercent <= 100,
        "minPercent",
        "attendance.completion.percentRange");
    problems.check(
        minSessions != null && minSessions >= 0 && minSessions <= 1000,
        "minSessions",
        "attendance.completion.sessionsRange");
    problems.throwIfAny();
    return new CompletionRule(minPercent, minSessions);
  }

  /** Sessions required of a programme with {@code sessions} sessions. */
  public int required(int sessions) {
    return minSessions == 0 ? sessions : Math.min(minSessions, sessions);
  }

  /** Whether one session counts, from the percent attended and any credit. */
  public boolean counts(int percent, boolean credited) {
    return credited || percent >= minPercent;
  }

  /** The verdict for one delegate, from the percents of the sessions they attended. */
  public Completion judge(
      java.util.UUID registrationId, Collection<SessionResult> results, int sessions) {
    int attended = 0;
    long minutes = 0;
    for (SessionResult r : results) {
      minutes += r.minutes();
      if (counts(r.percent(), r.credited())) {
        attended++;
      }
    }
    int required = required(sessions);
    boolean done = sessions > 0 && attended >= required;
    return new Completion(
        registrationId,
        attended,
        required,
        minutes,
        done,
        done ? "attendance.completion.met" : "attendance.completion.short");
  }

  /** One delegate's outcome in one session. */
  public record SessionResult(
      java.util.UUID sessionId, long minutes, int percent, boolean credited) {}
}
