package org.lectern.attendance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Minutes and percentage of a session a person really attended: time outside the session window
 * (waiting before the start, staying after the end) and double-counted rejoins earn no credit.
 *
 * @param minutes whole minutes inside the window (floored)
 * @param percent whole percent of the window's duration (floored, 0 to 100)
 */
public record EffectiveAttendance(long minutes, int percent) {

  /** Clips each interval to {@code [start, end]}, unites them and measures the result. */
  public static EffectiveAttendance of(Collection<Interval> intervals, Instant start, Instant end) {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("session window must not be empty: " + start + " " + end);
    }
    List<Interval> clipped = new ArrayList<>();
    for (Interval interval : intervals) {
      Instant from = interval.from().isBefore(start) ? start : interval.from();
      Instant to = interval.to().isAfter(end) ? end : interval.to();
      if (from.isBefore(to)) {
        clipped.add(new Interval(from, to));
      }
    }
    long seconds = Intervals.covered(clipped).getSeconds();
    long windowSeconds = Duration.between(start, end).getSeconds();
    return new EffectiveAttendance(seconds / 60, (int) (seconds * 100 / windowSeconds));
  }
}
