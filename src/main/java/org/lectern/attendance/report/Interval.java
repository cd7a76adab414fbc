package org.lectern.attendance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One stretch of presence in a meeting, as an absolute time span so zones never leak further. */
public record Interval(Instant from, Instant to) implements Comparable<Interval> {

  public Interval {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("interval ends before it starts: " + from + " > " + to);
    }
  }

  public Duration duration() {
    return Duration.between(from, to);
  }

  @Override
  public int compareTo(Interval other) {
    int byStart = from.compareTo(other.from);
    return byStart != 0 ? byStart : to.compareTo(other.to);
  }
}
