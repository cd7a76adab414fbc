package org.lectern.reporting;

import java.util.Optional;
import java.util.UUID;

/**
 * What the attendance feature knows about a programme, reduced to what reports need. Empty means
 * "no attendance recorded yet" — the report says so instead of showing zeros.
 */
public interface AttendanceFigures {

  Optional<AttendanceSummary> of(UUID programmeId);

  AttendanceFigures NONE = programmeId -> Optional.empty();
}
