package org.lectern.reporting;

import java.util.List;
import java.util.UUID;

/**
 * Attendance of a programme's delegates: how many attended at least one session, how many completed
 * it, who completed (ids only, for disaggregation in SQL), and per-session counts.
 */
public record AttendanceSummary(
    int attendedAtLeastOne,
    int completed,
    List<UUID> completedRegistrations,
    List<SessionCount> sessions) {

  public AttendanceSummary {
    completedRegistrations = List.copyOf(completedRegistrations);
    sessions = List.copyOf(sessions);
  }

  /** Delegates present online and in the room in one session (someone may be both). */
  public record SessionCount(UUID sessionId, int online, int room) {}
}
