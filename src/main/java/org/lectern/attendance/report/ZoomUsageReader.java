package org.lectern.attendance.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zoom usage / Active Hosts export with participant details: each row repeats the meeting columns
 * before the participant's, so "User Email" and "Duration (Minutes)" appear twice, and one file can
 * hold several meetings. The meeting is the one that overlaps the session, or the organiser's
 * choice.
 */
final class ZoomUsageReader implements FormatReader {

  private record Meeting(String id, Row first, List<Row> rows) {}

  private static boolean isHeader(HeaderIndex h) {
    return h.has(Column.MEETING_ID, Column.NAME, Column.JOIN, Column.LEAVE);
  }

  @Override
  public boolean recognises(List<Row> rows) {
    return Rows.hasHeader(rows, ZoomUsageReader::isHeader);
  }

  @Override
  public ParsedReport read(List<Row> rows, ReadContext ctx) {
    int at = Rows.findHeader(rows, ZoomUsageReader::isHeader).orElseThrow();
    HeaderIndex h = HeaderIndex.of(rows.get(at));
    ZoomUsageColumns columns = new ZoomUsageColumns(h);
    Map<String, Meeting> meetings = new LinkedHashMap<>();
    List<Cell> cells = new ArrayList<>();
    for (Row row : rows.subList(at + 1, rows.size())) {
      String key = columns.meetingKey(row);
      meetings.computeIfAbsent(key, k -> new Meeting(k, row, new ArrayList<>())).rows().add(row);
      cells.addAll(columns.timeCells(row));
    }
    TimeResolver times = TimeResolver.decide(cells, ctx, ctx.fileZone());
    Meeting chosen = choose(new ArrayList<>(meetings.values()), columns, times, ctx);
    ReportBuilder report = new ReportBuilder("zoom-usage-multi-meeting");
    for (Row row : chosen.rows()) {
      report.row();
      Person person =
          Person.zoomNamed(
              row.text(columns.name()), row.text(columns.email()), columns.roleOf(row));
      Optional<Instant> join = columns.join(row, times);
      Optional<Instant> leave = columns.leave(row, times);
      if (join.isPresent() && leave.isPresent()) {
        report.attend(person, join.get(), leave.get(), row.line());
      } else {
        report.warn("attendance.import.missingTime", row.line(), person.name());
      }
    }
    report.meeting(columns.meeting(chosen.first(), times));
    return report.build();
  }

  private static Meeting choose(
      List<Meeting> meetings, ZoomUsageColumns columns, TimeResolver times, ReadContext ctx) {
    if (ctx.meetingChoice().isPresent()) {
      String wanted = ctx.meetingChoice().get();
      return meetings.stream()
          .filter(m -> choiceValue(m, meetings, columns, times).equals(wanted))
          .findFirst()
          .orElseThrow(
              () -> ReportFormatException.ofFile(ReportFormatException.UNKNOWN_MEETING, wanted));
    }
    List<Meeting> overlapping =
        meetings.stream().filter(m -> overlaps(columns.meeting(m.first(), times), ctx)).toList();
    if (meetings.size() == 1 || overlapping.size() == 1) {
      return meetings.size() == 1 ? meetings.get(0) : overlapping.get(0);
    }
    List<ChoiceOption> options = new ArrayList<>();
    for (Meeting meeting : meetings) {
      MeetingInfo info = columns.meeting(meeting.first(), times);
      String when = info.start() == null ? "" : ", " + local(info.start(), times);
      options.add(
          new ChoiceOption(choiceValue(meeting, meetings, columns, times), info.topic() + when));
    }
    throw new ReportChoiceNeededException(
        ReportFormatException.AMBIGUOUS_MEETING, meetings.get(0).first().line(), 0, options);
  }

  /** The meeting id, plus its local start when a recurring meeting's id repeats in the file. */
  private static String choiceValue(
      Meeting meeting, List<Meeting> all, ZoomUsageColumns columns, TimeResolver times) {
    MeetingInfo info = columns.meeting(meeting.first(), times);
    long sameId =
        all.stream().filter(m -> columns.meeting(m.first(), times).id().equals(info.id())).count();
    return sameId == 1 || info.start() == null
        ? info.id()
        : info.id() + "@" + local(info.start(), times);
  }

  private static String local(Instant instant, TimeResolver times) {
    return LocalDateTime.ofInstant(instant, times.zone()).toString();
  }

  private static boolean overlaps(MeetingInfo info, ReadContext ctx) {
    Instant start = info.start();
    Instant end = info.end() == null ? start : info.end();
    return start != null && start.isBefore(ctx.scheduledEnd()) && end.isAfter(ctx.scheduledStart());
  }
}
