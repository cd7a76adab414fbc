package org.lectern.attendance.results;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lectern.attendance.report.EffectiveAttendance;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.report.Intervals;

/**
 * Everything known about one person's presence in a session: online (reports) and in the room
 * (check-ins), united, so someone who moved from the room to the call is not counted twice. {@code
 * reportedMinutes} is a report's total for files without times.
 */
public record Presence(List<Interval> online, List<Interval> room, Integer reportedMinutes) {

  public Presence {
    online = Intervals.union(online);
    room = Intervals.union(room);
  }

  /** Minutes and percent of the scheduled window, clipped to it. */
  public EffectiveAttendance effective(Instant start, Instant end) {
    List<Interval> all = new ArrayList<>(online);
    all.addAll(room);
    if (all.isEmpty()) {
      long window = Duration.between(start, end).toMinutes();
      long minutes = reportedMinutes == null ? 0 : Math.min(reportedMinutes, window);
      return new EffectiveAttendance(minutes, (int) (minutes * 100 / Math.max(window, 1)));
    }
    return EffectiveAttendance.of(all, start, end);
  }

  public List<Interval> all() {
    List<Interval> all = new ArrayList<>(online);
    all.addAll(room);
    return Intervals.union(all);
  }
}
