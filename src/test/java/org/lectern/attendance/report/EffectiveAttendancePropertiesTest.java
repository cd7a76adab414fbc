package org.lectern.attendance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the attendance rule that must hold for any set of joins. */
class EffectiveAttendancePropertiesTest {

  private static final Instant START = Instant.parse("2024-03-14T05:00:00Z");
  private static final Instant END = START.plusSeconds(3 * 3600);

  @Provide
  Arbitrary<List<Interval>> joins() {
    Arbitrary<Interval> interval =
        Combinators.combine(
                Arbitraries.longs().between(-7200, 18000), Arbitraries.longs().between(0, 14400))
            .as(
                (from, length) ->
                    new Interval(START.plusSeconds(from), START.plusSeconds(from + length)));
    return interval.list().ofMaxSize(12);
  }

  @Property
  void neverMoreThanTheWindow(@ForAll("joins") List<Interval> joins) {
    EffectiveAttendance result = EffectiveAttendance.of(joins, START, END);
    assertThat(result.minutes()).isBetween(0L, 180L);
    assertThat(result.percent()).isBetween(0, 100);
  }

  @Property
  void orderDoesNotMatter(@ForAll("joins") List<Interval> joins) {
    List<Interval> reversed = new ArrayList<>(joins);
    Collections.reverse(reversed);
    List<Interval> shuffled = new ArrayList<>(joins);
    Collections.shuffle(shuffled, new java.util.Random(joins.size()));
    EffectiveAttendance expected = EffectiveAttendance.of(joins, START, END);
    assertThat(EffectiveAttendance.of(reversed, START, END)).isEqualTo(expected);
    assertThat(EffectiveAttendance.of(shuffled, START, END)).isEqualTo(expected);
  }

  @Property
  void duplicatedJoinsChangeNothing(@ForAll("joins") List<Interval> joins) {
    List<Interval> doubled = new ArrayList<>(joins);
    doubled.addAll(joins);
    assertThat(EffectiveAttendance.of(doubled, START, END))
        .isEqualTo(EffectiveAttendance.of(joins, START, END));
  }

  @Property
  void neverMoreThanTheSumOfTheClippedJoins(@ForAll("joins") List<Interval> joins) {
    long sum = 0;
    for (Interval join : joins) {
      long from = Math.max(join.from().getEpochSecond(), START.getEpochSecond());
      long to = Math.min(join.to().getEpochSecond(), END.getEpochSecond());
      sum += Math.max(0, to - from);
    }
    assertThat(EffectiveAttendance.of(joins, START, END).minutes()).isLessThanOrEqualTo(sum / 60);
  }

  @Property
  void unionIsSortedAndDisjoint(@ForAll("joins") List<Interval> joins) {
    List<Interval> union = Intervals.union(joins);
    for (int i = 1; i < union.size(); i++) {
      assertThat(union.get(i).from()).isAfter(union.get(i - 1).to());
    }
    assertThat(Intervals.union(union)).isEqualTo(union);
  }
}
