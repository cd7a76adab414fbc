package org.lectern.attendance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the attendance rule; the properties are in the jqwik test next door. */
class EffectiveAttendanceTest {

  private static final Instant START = Instant.parse("2024-03-14T05:00:00Z");
  private static final Instant END = START.plusSeconds(2 * 3600);

  private static Interval at(int fromMinute, int toMinute) {
    return new Interval(START.plusSeconds(60L * fromMinute), START.plusSeconds(60L * toMinute));
  }

  @Test
  void timeOutsideTheWindowEarnsNothing() {
    // -30..+30 counts 30, 100..150 counts 20.
    assertThat(EffectiveAttendance.of(List.of(at(-30, 30), at(100, 150)), START, END))
        .isEqualTo(new EffectiveAttendance(50, 41));
  }

  @Test
  void overlappingAndTouchingRejoinsCountOnce() {
    assertThat(EffectiveAttendance.of(List.of(at(0, 60), at(30, 90), at(90, 120)), START, END))
        .isEqualTo(new EffectiveAttendance(120, 100));
  }

  @Test
  void minutesAndPercentAreFloored() {
    Interval almost = new Interval(START, START.plusSeconds(59 * 60 + 59));
    // 59:59 of 120:00 = 49.99 %.
    assertThat(EffectiveAttendance.of(List.of(almost), START, END))
        .isEqualTo(new EffectiveAttendance(59, 49));
  }

  @Test
  void nothingGivesZero() {
    assertThat(EffectiveAttendance.of(List.of(), START, END))
        .isEqualTo(new EffectiveAttendance(0, 0));
  }

  @Test
  void emptyWindowIsRefused() {
    assertThatThrownBy(() -> EffectiveAttendance.of(List.of(), START, START))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
