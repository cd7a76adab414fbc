package org.lectern.learning;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a programme's follow-up survey runs: it opens {@code months} after the end of the last
 * session (in the programme's zone, so "3 months" is calendar months), one reminder goes {@link
 * #REMIND_AFTER_DAYS} days after the invitation to those who have not answered, and answers are
 * taken for {@link #OPEN_DAYS} days.
 */
record FollowUpWindow(Instant opens, Instant closes) {

  static final int DEFAULT_MONTHS = 3;
  static final int REMIND_AFTER_DAYS = 14;
  static final int OPEN_DAYS = 42;

  static FollowUpWindow after(Instant lastEnd, int months, ZoneId zone) {
    Instant opens = ZonedDateTime.ofInstant(lastEnd, zone).plusMonths(months).toInstant();
    return new FollowUpWindow(opens, opens.plus(Duration.ofDays(OPEN_DAYS)));
  }

  boolean open(Instant now) {
    return !now.isBefore(opens) && now.isBefore(closes);
  }

  boolean notYet(Instant now) {
    return now.isBefore(opens);
  }

  /** Invitations sent before this instant are due a reminder (if unanswered). */
  static Instant remindInvitedBefore(Instant now) {
    return now.minus(Duration.ofDays(REMIND_AFTER_DAYS));
  }
}
