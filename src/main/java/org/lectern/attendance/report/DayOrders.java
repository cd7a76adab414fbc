package org.lectern.attendance.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The day-or-month-first decision for numeric dates, kept apart because it is the risky part. */
final class DayOrders {

  private DayOrders() {}

  static DayOrder decide(List<Cell> numeric, ReadContext ctx) {
    Cell dayFirst = null;
    Cell monthFirst = null;
    for (Cell cell : numeric) {
      WrittenTime written = TimeResolver.parse(cell);
      dayFirst = dayFirst == null && written.first() > 12 ? cell : dayFirst;
      monthFirst = monthFirst == null && written.second() > 12 ? cell : monthFirst;
    }
    if (dayFirst != null && monthFirst != null) {
      Cell later = dayFirst.line() > monthFirst.line() ? dayFirst : monthFirst;
      throw later.error(ReportFormatException.INCONSISTENT_DATES, later.text());
    }
    if (dayFirst != null || monthFirst != null) {
      return dayFirst != null ? DayOrder.DAY_FIRST : DayOrder.MONTH_FIRST;
    }
    List<Cell> ambiguous =
        numeric.stream().filter(c -> TimeResolver.parse(c).isAmbiguous()).toList();
    if (ambiguous.isEmpty()) {
      return DayOrder.DAY_FIRST;
    }
    return bySessionDate(ambiguous, ctx);
  }

  /** The one order under which every date lands within a day of the session, if exactly one. */
  private static DayOrder bySessionDate(List<Cell> ambiguous, ReadContext ctx) {
    LocalDate session = ctx.scheduledStart().atZone(ctx.sessionZone()).toLocalDate();
    List<DayOrder> fitting = new ArrayList<>();
    for (DayOrder order : DayOrder.values()) {
      if (ambiguous.stream().allMatch(c -> nearSession(c, order, session))) {
        fitting.add(order);
      }
    }
    if (fitting.size() == 1) {
      return fitting.get(0);
    }
    Cell first = ambiguous.get(0);
    WrittenTime written = TimeResolver.parse(first);
    List<ChoiceOption> options = new ArrayList<>();
    for (DayOrder order : DayOrder.values()) {
      options.add(new ChoiceOption(order.name(), written.date(order).toString()));
    }
    throw new ReportChoiceNeededException(
        ReportFormatException.AMBIGUOUS_DATES, first.line(), first.column(), options);
  }

  private static boolean nearSession(Cell cell, DayOrder order, LocalDate session) {
    try {
      LocalDate date = TimeResolver.parse(cell).date(order);
      return !date.isBefore(session.minusDays(1)) && !date.isAfter(session.plusDays(1));
    } catch (DateTimeException e) {
      return false;
    }
  }
}
