package org.lectern.attendance.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Zoom Dashboard participants export (with QoS columns): join and leave are times of day only, so
 * they are placed on the meeting's start date from the meeting row, else the session's date.
 */
final class ZoomDashboardReader implements FormatReader {

  private static boolean isHeader(HeaderIndex h) {
    return h.has(Column.NAME, Column.JOIN, Column.LEAVE, Column.DEVICE);
  }

  @Override
  public boolean recognises(List<Row> rows) {
    return Rows.hasHeader(rows, ZoomDashboardReader::isHeader);
  }

  @Override
  public ParsedReport read(List<Row> rows, ReadContext ctx) {
    int at = Rows.findHeader(rows, ZoomDashboardReader::isHeader).orElseThrow();
    HeaderIndex h = HeaderIndex.of(rows.get(at));
    Optional<ZoomMeetingRow> meeting = ZoomMeetingRow.find(rows.subList(0, at));
    List<Cell> dated = new ArrayList<>();
    meeting.ifPresent(m -> dated.add(m.header().cell(m.values(), Column.START)));
    TimeResolver times = TimeResolver.decide(dated, ctx, ctx.fileZone());
    LocalDateTime start =
        meeting
            .map(m -> times.local(m.header().cell(m.values(), Column.START)))
            .orElse(ctx.scheduledStart().atZone(ctx.fileZone()).toLocalDateTime());
    ReportBuilder report = new ReportBuilder("zoom-dashboard-participants");
    for (Row row : rows.subList(at + 1, rows.size())) {
      report.row();
      Person person =
          new Person(
              h.text(row, Column.NAME),
              null,
              h.text(row, Column.EMAIL),
              ZoomMeetingRow.roleOf(meeting, h.text(row, Column.NAME), h.text(row, Column.EMAIL)));
      LocalDateTime join = onOrAfter(start.minusHours(1), time(h.cell(row, Column.JOIN)));
      LocalDateTime leave = onOrAfter(join, time(h.cell(row, Column.LEAVE)));
      report.attend(person, instant(join, times), instant(leave, times), row.line());
    }
    meeting.ifPresent(m -> report.meeting(info(m, start, times)));
    return report.build();
  }

  private static LocalTime time(Cell cell) {
    WrittenTime written = TimeResolver.parse(cell);
    if (!written.isTimeOnly()) {
      throw cell.error(ReportFormatException.BAD_DATE, cell.text());
    }
    return written.time();
  }

  /**
   * The first moment at or after {@code after} with this time of day: a leave "before" the join, or
   * a join "before" the meeting start, crossed midnight.
   */
  private static LocalDateTime onOrAfter(LocalDateTime after, LocalTime time) {
    LocalDateTime candidate = LocalDateTime.of(after.toLocalDate(), time);
    return candidate.isBefore(after) ? candidate.plusDays(1) : candidate;
  }

  private static Instant instant(LocalDateTime local, TimeResolver times) {
    return local.atZone(times.zone()).toInstant();
  }

  private static MeetingInfo info(ZoomMeetingRow m, LocalDateTime start, TimeResolver times) {
    Cell endCell = m.header().cell(m.values(), Column.END);
    Instant end = null;
    if (!endCell.isMissing()) {
      end = instant(onOrAfter(start, time(endCell)), times);
    }
    return new MeetingInfo(
        m.header().text(m.values(), Column.MEETING_ID), null, instant(start, times), end);
  }
}
