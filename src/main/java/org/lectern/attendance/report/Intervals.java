package org.lectern.attendance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Interval arithmetic shared by participant merging and the effective-attendance rule. */
public final class Intervals {

  private Intervals() {}

  /** Sorted union: overlapping or touching intervals (a rejoin at the same second) become one. */
  public static List<Interval> union(Collection<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(null);
    List<Interval> merged = new ArrayList<>();
    for (Interval next : sorted) {
      int last = merged.size() - 1;
      if (last >= 0 && !next.from().isAfter(merged.get(last).to())) {
        Interval current = merged.get(last);
        Instant to = next.to().isAfter(current.to()) ? next.to() : current.to();
        merged.set(last, new Interval(current.from(), to));
      } else {
        merged.add(next);
      }
    }
    return List.copyOf(merged);
  }

  /** Total time covered, counting overlaps once. */
  public static Duration covered(Collection<Interval> intervals) {
    Duration total = Duration.ZERO;
    for (Interval interval : union(intervals)) {
      total = total.plus(interval.duration());
    }
    return total;
  }
}
