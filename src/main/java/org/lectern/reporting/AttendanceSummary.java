package org.lectern.reporting;

import java.util.List;
import java.util.UUID;

/**
 * Attendance of a programme's confirmed delegates: how many attended at least one session, how many
 * completed it (under {@code rule}), and per-session counts.
 */
public record AttendanceSummary(
    int attendedAtLeastOne, int completed, List<SessionCount> sessions, Rule rule) {

  public AttendanceSummary {
    sessions = List.copyOf(sessions);
  }

  /**
   * Delegates present in one session: in all, online and in the room (someone may be both), how
   * many of them sat at a discussion table, and how many more caught it up by recording.
   */
  public record SessionCount(
      UUID sessionId, int delegates, int online, int room, int tables, int byRecording) {}

  /** Completed: at least {@code minPercent} % of {@code sessionsRequired} of {@code sessions}. */
  public record Rule(int minPercent, int sessionsRequired, int sessions) {}
}
