package org.lectern.attendance.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * BigBlueButton Learning Dashboard CSV download: every value quoted, "-" when missing, one row per
 * user with first join and last leave, a yes/no moderator column and an HH:mm:ss duration.
 */
final class BbbCsvReader implements FormatReader {

  private static boolean isHeader(HeaderIndex h) {
    return h.has(Column.NAME, Column.MODERATOR, Column.JOIN, Column.LEAVE);
  }

  @Override
  public boolean recognises(List<Row> rows) {
    return Rows.hasHeader(rows, BbbCsvReader::isHeader);
  }

  @Override
  public ParsedReport read(List<Row> rows, ReadContext ctx) {
    int at = Rows.findHeader(rows, BbbCsvReader::isHeader).orElseThrow();
    HeaderIndex h = HeaderIndex.of(rows.get(at));
    List<Row> data = rows.subList(at + 1, rows.size());
    List<Cell> cells = new ArrayList<>();
    data.forEach(r -> cells.addAll(List.of(h.cell(r, Column.JOIN), h.cell(r, Column.LEAVE))));
    TimeResolver times = TimeResolver.decide(cells, ctx, ctx.fileZone());
    ReportBuilder report = new ReportBuilder("bbb-dashboard-csv");
    for (Row row : data) {
      report.row();
      boolean moderator = isYes(h.text(row, Column.MODERATOR));
      Person person =
          new Person(
              h.text(row, Column.NAME),
              null,
              null,
              moderator ? ParticipantRole.HOST : ParticipantRole.ATTENDEE);
      Optional<Instant> join = times.instant(h.cell(row, Column.JOIN));
      Optional<Instant> leave = times.instant(h.cell(row, Column.LEAVE));
      if (join.isPresent() && leave.isPresent()) {
        report.attend(person, join.get(), leave.get(), row.line());
      } else if (join.isPresent()) {
        report.warn("attendance.import.openJoin", row.line(), person.name());
        Instant end = ctx.scheduledEnd().isAfter(join.get()) ? ctx.scheduledEnd() : join.get();
        report.attend(person, join.get(), end, row.line());
      }
    }
    return report.build();
  }

  private static boolean isYes(String value) {
    String key = Text.key(value);
    return key.equals("yes")
        || key.equals("true")
        || key.equals("да")
        || key.equals("oui")
        || key.equals("ja")
        || key.equals("1");
  }
}
