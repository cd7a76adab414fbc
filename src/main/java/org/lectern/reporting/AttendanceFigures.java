package org.lectern.reporting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the attendance feature knows about a programme's sessions, reduced to what reports need.
 * Empty means "no attendance recorded yet" — the report says so instead of showing zeros. Who
 * attended and completed is counted with the registrations, from the attendance feature's stored
 * completion results (ADR 0008).
 */
public interface AttendanceFigures {

  Optional<Recorded> of(UUID programmeId);

  /** Per-session counts and the completion rule they are judged by. */
  record Recorded(List<AttendanceSummary.SessionCount> sessions, AttendanceSummary.Rule rule) {}

  AttendanceFigures NONE = programmeId -> Optional.empty();
}
