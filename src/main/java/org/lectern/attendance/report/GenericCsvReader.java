package org.lectern.attendance.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Any table of joins, read with the column mapping the organiser chose: the way out when a product
 * or a hand-made spreadsheet is not recognised.
 */
final class GenericCsvReader {

  private GenericCsvReader() {}

  static ParsedReport read(List<Row> rows, ReadContext ctx, ColumnMapping mapping) {
    int at = headerAt(rows, mapping);
    Row header = rows.get(at);
    int name = Rows.indexOfLabel(header, mapping.name());
    int email = column(header, mapping.email());
    int join = column(header, mapping.join());
    int leave = column(header, mapping.leave());
    int duration = column(header, mapping.duration());
    List<Row> data = rows.subList(at + 1, rows.size());
    List<Cell> cells = new ArrayList<>();
    data.forEach(row -> cells.addAll(List.of(row.cell(join), row.cell(leave))));
    TimeResolver times = TimeResolver.decide(cells, ctx, ctx.fileZone());
    ReportBuilder report = new ReportBuilder("generic-csv");
    for (Row row : data) {
      report.row();
      Person person = new Person(row.text(name), null, row.text(email), ParticipantRole.UNKNOWN);
      Optional<Instant> from = times.instant(row.cell(join));
      Optional<Instant> to = times.instant(row.cell(leave));
      if (from.isPresent() && to.isPresent()) {
        report.attend(person, from.get(), to.get(), row.line());
      } else {
        Durations.minutes(row.cell(duration)).ifPresent(m -> report.attendMinutes(person, m));
      }
    }
    return report.build();
  }

  private static int headerAt(List<Row> rows, ColumnMapping mapping) {
    for (int i = 0; i < rows.size(); i++) {
      if (Rows.indexOfLabel(rows.get(i), mapping.name()) >= 0) {
        return i;
      }
    }
    throw ReportFormatException.ofFile(ReportFormatException.MISSING_COLUMN, mapping.name());
  }

  /** Position of an optional mapped column; -1 (always empty) when not mapped. */
  private static int column(Row header, String label) {
    if (label == null || label.isBlank()) {
      return -1;
    }
    int index = Rows.indexOfLabel(header, label);
    if (index < 0) {
      throw new ReportFormatException(
          ReportFormatException.MISSING_COLUMN, header.line(), 0, label);
    }
    return index;
  }
}
