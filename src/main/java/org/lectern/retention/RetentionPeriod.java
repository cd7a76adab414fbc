package org.lectern.retention;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * How long a programme's personal data is kept: the programme's own number of months, else its
 * organisation's default, else the installation's; counted from the end of its last session. A
 * programme without sessions is not due.
 */
public record RetentionPeriod(
    UUID programmeId,
    UUID organisationId,
    Integer programmeMonths,
    Integer organisationMonths,
    int installationMonths,
    Instant lastSessionEnd,
    Instant anonymisedAt) {

  public static final int MIN_MONTHS = 1;
  public static final int MAX_MONTHS = 120;

  public int months() {
    if (programmeMonths != null) {
      return programmeMonths;
    }
    return organisationMonths != null ? organisationMonths : installationMonths;
  }

  /** When the job anonymises the programme; null without sessions. */
  public Instant dueAt() {
    return lastSessionEnd == null
        ? null
        : lastSessionEnd.atOffset(ZoneOffset.UTC).plusMonths(months()).toInstant();
  }

  public boolean anonymised() {
    return anonymisedAt != null;
  }

  public boolean dueBy(Instant now) {
    Instant due = dueAt();
    return !anonymised() && due != null && !due.isAfter(now);
  }
}
