package org.lectern.attendance.results;

import java.util.List;
import java.util.UUID;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.report.ParticipantRole;

/**
 * One person's effective attendance of a session: a delegate ({@code registrationId}) or someone
 * who did not match a registration (name and e-mail as the report wrote them).
 */
public record Attendee(
    UUID registrationId,
    String name,
    String email,
    ParticipantRole role,
    long minutes,
    int percent,
    List<Interval> intervals,
    boolean inRoom) {

  public Attendee {
    intervals = List.copyOf(intervals);
  }

  public boolean delegate() {
    return registrationId != null;
  }
}
