package org.lectern.attendance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The date-time spellings of the products, as written in their exports. */
class WrittenTimesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mar 28, 2020 08:07:27 | 2020-03-28 | 08:07:27",
        "Mar 28, 2020 8:07 AM | 2020-03-28 | 08:07",
        "Aug 01, 2017 04:53 PM | 2017-08-01 | 16:53",
        "13.04.2021 09:01:31 | 2021-04-13 | 09:01:31",
        "14.3.2024, 10:00:05 | 2024-03-14 | 10:00:05",
        "2021-04-13 09:01:31 | 2021-04-13 | 09:01:31",
        "28 мар 2024 10:00 | 2024-03-28 | 10:00",
        "12 juil. 2024 10:00 | 2024-07-12 | 10:00",
      })
  void datesWithCertainMonth(String text, LocalDate date, LocalTime time) {
    WrittenTime written = WrittenTimes.parse(text).orElseThrow();
    assertThat(written.date(DayOrder.MONTH_FIRST)).isEqualTo(date);
    assertThat(written.date(DayOrder.DAY_FIRST)).isEqualTo(date);
    assertThat(written.time()).isEqualTo(time);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "11/19/2021 9:54:15 AM | 11 | 19 | 2021 | 09:54:15",
        "11/12/2020, 12:27:24 | 11 | 12 | 2020 | 12:27:24",
        "14/11/22, 09:29:07 | 14 | 11 | 2022 | 09:29:07",
        "13/04/2021 à 09:01:31 | 13 | 4 | 2021 | 09:01:31",
        "3/14/24, 12:00:30 PM | 3 | 14 | 2024 | 12:00:30",
        "3/14/2024 12:10:00 AM | 3 | 14 | 2024 | 00:10",
      })
  void numericDatesKeepBothReadings(String text, int first, int second, int year, LocalTime t) {
    WrittenTime written = WrittenTimes.parse(text).orElseThrow();
    assertThat(written.isNumeric()).isTrue();
    assertThat(written.first()).isEqualTo(first);
    assertThat(written.second()).isEqualTo(second);
    assertThat(written.year()).isEqualTo(year);
    assertThat(written.time()).isEqualTo(t);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2020-11-05T16:34:39Z | 2020-11-05T16:34:39Z",
        "2020-11-05T16:34:39.123Z | 2020-11-05T16:34:39Z",
        "2020-11-05 16:34:39 UTC | 2020-11-05T16:34:39Z",
        "2020-11-05T21:34:39+05:00 | 2020-11-05T16:34:39Z",
        "1648751024163 | 2022-03-31T18:23:44.163Z",
      })
  void absoluteTimes(String text, Instant expected) {
    assertThat(WrittenTimes.parse(text).orElseThrow().absolute()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"04:53 PM, 16:53", "12:05 AM, 00:05", "09:07, 09:07", "17:14:45, 17:14:45"})
  void timeOfDayOnly(String text, LocalTime expected) {
    WrittenTime written = WrittenTimes.parse(text).orElseThrow();
    assertThat(written.isTimeOnly()).isTrue();
    assertThat(written.time()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"03/1", "yesterday", "13:75", "25/25/2020 10:00", "13:00 PM", "--x"})
  void garbageIsNotATime(String text) {
    boolean usable =
        WrittenTimes.parse(text)
            .map(
                w -> {
                  try {
                    w.date(DayOrder.DAY_FIRST);
                    return true;
                  } catch (java.time.DateTimeException e) {
                    return false;
                  }
                })
            .orElse(false);
    assertThat(usable && !WrittenTimes.parse(text).get().isTimeOnly()).isFalse();
  }
}
