package org.lectern.attendance.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Teams lists of join/leave events: the 2020 meetingAttendanceList.csv (in the organiser's
 * interface language) and the Live Event AttendeeReport.csv (UTC timestamps). Events are paired
 * into intervals per person.
 */
final class TeamsEventListReader implements FormatReader {

  private record Event(Person person, ValueVocabulary.Action action, Instant at, int line) {}

  @Override
  public boolean recognises(List<Row> rows) {
    return Rows.hasHeader(rows, h -> h.has(Column.ACTION, Column.TIMESTAMP));
  }

  @Override
  public ParsedReport read(List<Row> rows, ReadContext ctx) {
    int at = Rows.findHeader(rows, h -> h.has(Column.ACTION, Column.TIMESTAMP)).orElseThrow();
    HeaderIndex h = HeaderIndex.of(rows.get(at));
    List<Row> data = rows.subList(at + 1, rows.size());
    boolean live = isLiveEvent(h);
    List<Cell> cells = data.stream().map(r -> h.cell(r, Column.TIMESTAMP)).toList();
    TimeResolver times = TimeResolver.decide(cells, ctx, live ? ZoneOffset.UTC : ctx.fileZone());
    ReportBuilder report =
        new ReportBuilder(live ? "teams-live-event" : "teams-attendance-list-2020");
    Map<String, List<Event>> byPerson = new LinkedHashMap<>();
    for (Row row : data) {
      report.row();
      Event event = event(h, row, times, report);
      if (event != null) {
        byPerson.computeIfAbsent(key(event.person()), k -> new ArrayList<>()).add(event);
        report.note(event.person());
      }
    }
    Instant lastEvent =
        byPerson.values().stream()
            .flatMap(List::stream)
            .map(Event::at)
            .max(Comparator.naturalOrder())
            .orElse(ctx.scheduledEnd());
    Instant end = ctx.scheduledEnd().isAfter(lastEvent) ? ctx.scheduledEnd() : lastEvent;
    byPerson.values().forEach(events -> pair(events, end, report));
    return report.build();
  }

  private static boolean isLiveEvent(HeaderIndex h) {
    return h.has(Column.SESSION_ID)
        || h.label(Column.TIMESTAMP).map(l -> Text.key(l).startsWith("utc")).orElse(false);
  }

  private static Event event(HeaderIndex h, Row row, TimeResolver times, ReportBuilder report) {
    Cell actionCell = h.cell(row, Column.ACTION);
    var action = ValueVocabulary.action(actionCell.text());
    if (action.isEmpty()) {
      report.warn("attendance.import.unknownAction", row.line(), actionCell.text());
      return null;
    }
    String id = h.text(row, Column.UPN);
    String email = h.has(Column.EMAIL) ? h.text(row, Column.EMAIL) : id;
    String name = h.text(row, Column.NAME).isEmpty() ? id : h.text(row, Column.NAME);
    Person person = new Person(name, null, email, ValueVocabulary.role(h.text(row, Column.ROLE)));
    Instant at =
        times
            .instant(h.cell(row, Column.TIMESTAMP))
            .orElseThrow(
                () -> h.cell(row, Column.TIMESTAMP).error(ReportFormatException.BAD_DATE, ""));
    return new Event(person, action.get(), at, row.line());
  }

  private static String key(Person person) {
    return person.email() != null ? person.email() : Text.key(person.name());
  }

  /** Joined opens, Left closes; a join still open at the end lasts until the meeting ends. */
  private static void pair(List<Event> events, Instant end, ReportBuilder report) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(Event::at));
    Event open = null;
    for (Event event : sorted) {
      if (event.action() != ValueVocabulary.Action.LEFT) {
        open = open == null ? event : open;
      } else if (open != null) {
        report.attend(event.person(), open.at(), event.at(), event.line());
        open = null;
      } else {
        report.warn("attendance.import.leaveWithoutJoin", event.line(), event.person().name());
      }
    }
    if (open != null) {
      report.warn("attendance.import.openJoin", open.line(), open.person().name());
      report.attend(
          open.person(), open.at(), end.isAfter(open.at()) ? end : open.at(), open.line());
    }
  }
}
