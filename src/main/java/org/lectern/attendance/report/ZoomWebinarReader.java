package org.lectern.attendance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zoom webinar Attendee Report (2020 and 2025 layouts): a preamble, a meta table, then sections per
 * role. Rows with Attended=No or "--" times are registrants who did not come.
 */
final class ZoomWebinarReader implements FormatReader {

  private static final Map<String, ParticipantRole> SECTIONS =
      Map.of(
          "host details", ParticipantRole.HOST,
          "panelist details", ParticipantRole.PANELIST,
          "attendee details", ParticipantRole.ATTENDEE,
          "other attended", ParticipantRole.ATTENDEE);

  private record Line(ParticipantRole role, HeaderIndex header, Row row) {}

  @Override
  public boolean recognises(List<Row> rows) {
    return rows.stream().anyMatch(r -> r.size() == 1 && SECTIONS.containsKey(Text.key(r.first())));
  }

  @Override
  public ParsedReport read(List<Row> rows, ReadContext ctx) {
    List<Line> lines = new ArrayList<>();
    HeaderIndex meta = null;
    Row metaRow = null;
    HeaderIndex header = null;
    ParticipantRole role = null;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      ParticipantRole section = row.size() == 1 ? SECTIONS.get(Text.key(row.first())) : null;
      if (section != null && i + 1 < rows.size()) {
        role = section;
        header = HeaderIndex.of(rows.get(++i));
      } else if (header != null) {
        lines.add(new Line(role, header, row));
      } else if (HeaderIndex.of(row).has(Column.TOPIC, Column.MEETING_ID) && i + 1 < rows.size()) {
        meta = HeaderIndex.of(row);
        metaRow = rows.get(++i);
      }
    }
    TimeResolver times = TimeResolver.decide(timeCells(lines, meta, metaRow), ctx, ctx.fileZone());
    ReportBuilder report = new ReportBuilder(format(lines));
    for (Line line : lines) {
      report.row();
      readLine(line, times, report);
    }
    if (meta != null) {
      report.meeting(meeting(meta, metaRow, times));
    }
    return report.build();
  }

  private static void readLine(Line line, TimeResolver times, ReportBuilder report) {
    HeaderIndex h = line.header();
    Row row = line.row();
    if (h.has(Column.ATTENDED) && Text.key(h.text(row, Column.ATTENDED)).equals("no")) {
      return;
    }
    Optional<Instant> join = times.instant(h.cell(row, Column.JOIN));
    Optional<Instant> leave = times.instant(h.cell(row, Column.LEAVE));
    if (join.isEmpty()) {
      return;
    }
    Person person = person(h, row, line.role());
    if (leave.isEmpty()) {
      report.warn("attendance.import.missingLeave", row.line(), person.name());
      report.note(person);
      return;
    }
    report.attend(person, join.get(), leave.get(), row.line());
  }

  private static Person person(HeaderIndex h, Row row, ParticipantRole role) {
    String email = h.text(row, Column.EMAIL);
    if (h.has(Column.NAME) && !h.text(row, Column.NAME).isEmpty()) {
      return Person.zoomNamed(h.text(row, Column.NAME), email, role);
    }
    String name = h.text(row, Column.FIRST_NAME) + " " + h.text(row, Column.LAST_NAME);
    return new Person(name, null, email, role);
  }

  private static String format(List<Line> lines) {
    boolean layout2025 =
        lines.stream()
            .map(Line::header)
            .anyMatch(
                h ->
                    h.has(Column.GUEST)
                        || h.label(Column.NAME).map(l -> l.contains("(")).orElse(false));
    return layout2025 ? "zoom-webinar-attendee-2025" : "zoom-webinar-attendee-2020";
  }

  private static List<Cell> timeCells(List<Line> lines, HeaderIndex meta, Row metaRow) {
    List<Cell> cells = new ArrayList<>();
    for (Line line : lines) {
      cells.add(line.header().cell(line.row(), Column.JOIN));
      cells.add(line.header().cell(line.row(), Column.LEAVE));
    }
    if (meta != null) {
      cells.add(meta.cell(metaRow, Column.START));
    }
    return cells;
  }

  private static MeetingInfo meeting(HeaderIndex meta, Row row, TimeResolver times) {
    Instant start = times.instant(meta.cell(row, Column.START)).orElse(null);
    int durationAt = Rows.indexOfLabel(meta.row(), "Actual Duration (minutes)");
    Optional<Duration> duration = Durations.parse(row.text(durationAt));
    Instant end = start == null ? null : duration.map(start::plus).orElse(null);
    return new MeetingInfo(
        meta.text(row, Column.MEETING_ID), meta.text(row, Column.TOPIC), start, end);
  }
}
