package org.lectern.attendance.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns written times into instants for one file. The day order is decided once from all dates in
 * the file (a component above 12 settles it), else from the session's date, else the organiser is
 * asked: a wrong guess would shift every attendance by months without anyone noticing.
 */
final class TimeResolver {

  private final DayOrder order;
  private final ZoneId zone;

  private TimeResolver(DayOrder order, ZoneId zone) {
    this.order = order;
    this.zone = zone;
  }

  /** Decides the day order from {@code cells}; local times are read in {@code zone}. */
  static TimeResolver decide(List<Cell> cells, ReadContext ctx, ZoneId zone) {
    List<Cell> numeric = new ArrayList<>();
    for (Cell cell : cells) {
      if (!cell.isMissing() && parse(cell).isNumeric()) {
        numeric.add(cell);
      }
    }
    DayOrder order = ctx.dayOrder().orElseGet(() -> DayOrders.decide(numeric, ctx));
    TimeResolver resolver = new TimeResolver(order, zone);
    for (Cell cell : cells) {
      if (!cell.isMissing() && !parse(cell).isTimeOnly()) {
        resolver.local(cell);
      }
    }
    return resolver;
  }

  static WrittenTime parse(Cell cell) {
    return WrittenTimes.parse(cell.text())
        .orElseThrow(() -> cell.error(ReportFormatException.BAD_DATE, cell.text()));
  }

  ZoneId zone() {
    return zone;
  }

  /** The instant of a cell, empty when the file marks it missing ("--", "-", "NA", blank). */
  Optional<Instant> instant(Cell cell) {
    if (cell.isMissing()) {
      return Optional.empty();
    }
    WrittenTime written = parse(cell);
    if (written.isAbsolute()) {
      return Optional.of(written.absolute());
    }
    return Optional.of(local(cell).atZone(zone).toInstant());
  }

  /** The local date-time of a cell with a date; time-of-day-only cells are an error here. */
  LocalDateTime local(Cell cell) {
    WrittenTime written = parse(cell);
    if (written.isAbsolute()) {
      return LocalDateTime.ofInstant(written.absolute(), zone);
    }
    if (written.isTimeOnly()) {
      throw cell.error(ReportFormatException.BAD_DATE, cell.text());
    }
    try {
      LocalDate date = written.date(order);
      return LocalDateTime.of(date, written.time());
    } catch (DateTimeException e) {
      throw cell.error(ReportFormatException.BAD_DATE, cell.text());
    }
  }
}
