package org.lectern.attendance.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Zoom meeting participants export, with or without the meeting-data rows above it, one row per
 * join; or the "unique users" variant that only gives a total per person. Header case varies (the
 * 2024 web portal writes lower case).
 */
final class ZoomMeetingReader implements FormatReader {

  @Override
  public boolean recognises(List<Row> rows) {
    return Rows.hasHeader(rows, ZoomMeetingReader::isParticipantHeader);
  }

  static boolean isParticipantHeader(HeaderIndex h) {
    boolean joins = h.has(Column.NAME, Column.JOIN, Column.LEAVE);
    boolean totals = h.has(Column.NAME, Column.DURATION) && h.has(Column.EMAIL);
    return (joins || totals) && !h.has(Column.ACTION) && !h.has(Column.MEETING_ID);
  }

  @Override
  public ParsedReport read(List<Row> rows, ReadContext ctx) {
    int at = Rows.findHeader(rows, ZoomMeetingReader::isParticipantHeader).orElseThrow();
    HeaderIndex h = HeaderIndex.of(rows.get(at));
    List<Row> data = rows.subList(at + 1, rows.size());
    Optional<ZoomMeetingRow> meeting = ZoomMeetingRow.find(rows.subList(0, at));
    boolean joins = h.has(Column.JOIN);
    TimeResolver times = TimeResolver.decide(timeCells(h, data, meeting), ctx, ctx.fileZone());
    ReportBuilder report =
        new ReportBuilder(joins ? "zoom-meeting-participants" : "zoom-meeting-unique-users");
    for (Row row : data) {
      report.row();
      String name = h.text(row, Column.NAME);
      String email = h.text(row, Column.EMAIL);
      Person person = Person.zoomNamed(name, email, ZoomMeetingRow.roleOf(meeting, name, email));
      if (joins) {
        attend(report, person, h, row, times);
      } else {
        Durations.minutes(h.cell(row, Column.DURATION))
            .ifPresent(m -> report.attendMinutes(person, m));
      }
    }
    meeting.ifPresent(m -> report.meeting(m.info(times)));
    return report.build();
  }

  private static List<Cell> timeCells(
      HeaderIndex h, List<Row> data, Optional<ZoomMeetingRow> meeting) {
    List<Cell> cells = new ArrayList<>();
    meeting.ifPresent(m -> cells.addAll(m.timeCells()));
    if (h.has(Column.JOIN)) {
      for (Row row : data) {
        cells.add(h.cell(row, Column.JOIN));
        cells.add(h.cell(row, Column.LEAVE));
      }
    }
    return cells;
  }

  static void attend(
      ReportBuilder report, Person person, HeaderIndex h, Row row, TimeResolver times) {
    Optional<Instant> join = times.instant(h.cell(row, Column.JOIN));
    Optional<Instant> leave = times.instant(h.cell(row, Column.LEAVE));
    if (join.isPresent() && leave.isPresent()) {
      report.attend(person, join.get(), leave.get(), row.line());
    } else {
      report.warn("attendance.import.missingTime", row.line(), person.name());
    }
  }
}
