package org.lectern.attendance.report;

import java.util.List;
import java.util.Set;

/**
 * One distinct person found in a report, with all their joins merged, ready to be matched to a
 * registration.
 *
 * @param email lower-cased, {@code null} when the file has none
 * @param intervals merged and sorted; empty when the file only gives totals
 * @param reportedMinutes the file's own total when it gives one (unique-users lists, Teams
 *     first-join/last-leave rows), else {@code null}
 * @param aliases other names seen for the same person (Zoom's "Original Name", rename on rejoin)
 */
public record ReportedParticipant(
    String name,
    String email,
    ParticipantRole role,
    List<Interval> intervals,
    Integer reportedMinutes,
    Set<String> aliases) {

  public ReportedParticipant {
    intervals = Intervals.union(intervals);
    aliases = Set.copyOf(aliases);
  }

  /**
   * Whole minutes present: the union of the intervals (rejoins counted once), capped by the
   * reported total when the intervals are only a first-join/last-leave span; the reported total
   * alone when there are no intervals.
   */
  public long minutes() {
    if (intervals.isEmpty()) {
      return reportedMinutes == null ? 0 : reportedMinutes;
    }
    long covered = Intervals.covered(intervals).toMinutes();
    return reportedMinutes == null ? covered : Math.min(covered, reportedMinutes);
  }
}
