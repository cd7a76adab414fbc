package org.lectern.attendance.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A timestamp as the file wrote it, before the day order and zone are known. Exactly one shape:
 * absolute (ISO with offset, epoch millis), time of day only (Zoom dashboard), a date whose month
 * is certain ({@code Mar 28, 2020}, {@code 2020-03-28}, {@code 28.03.2020}), or a numeric date
 * whose two leading numbers may be day/month or month/day.
 */
record WrittenTime(
    Instant absolute, LocalDate knownDate, int first, int second, int year, LocalTime time) {

  static WrittenTime absolute(Instant instant) {
    return new WrittenTime(instant, null, 0, 0, 0, null);
  }

  static WrittenTime timeOnly(LocalTime time) {
    return new WrittenTime(null, null, 0, 0, 0, time);
  }

  static WrittenTime known(LocalDate date, LocalTime time) {
    return new WrittenTime(null, date, 0, 0, 0, time);
  }

  static WrittenTime numeric(int first, int second, int year, LocalTime time) {
    return new WrittenTime(null, null, first, second, year, time);
  }

  boolean isAbsolute() {
    return absolute != null;
  }

  boolean isTimeOnly() {
    return absolute == null && knownDate == null && year == 0;
  }

  boolean isNumeric() {
    return absolute == null && knownDate == null && year != 0;
  }

  /** Whether day and month orders give different dates (they do not for 05/05 or 13/04). */
  boolean isAmbiguous() {
    return isNumeric() && first != second && first <= 12 && second <= 12;
  }

  /** The date under the given order; throws {@link DateTimeException} for impossible dates. */
  LocalDate date(DayOrder order) {
    if (knownDate != null) {
      return knownDate;
    }
    return order == DayOrder.DAY_FIRST
        ? LocalDate.of(year, second, first)
        : LocalDate.of(year, first, second);
  }
}
