package org.lectern.attendance.importing;

import java.time.Duration;
import java.time.ZoneId;
import org.lectern.attendance.report.AttendanceReportReader;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.report.ParsedReport;
import org.lectern.attendance.report.ReadContext;
import org.lectern.attendance.report.ReportFormatException;
import org.lectern.session.Session;

/**
 * Reads an uploaded report for a session: its schedule and zone settle dates the file leaves open,
 * the organiser's choices settle the rest. A report of another day is refused, not recorded as zero
 * attendance.
 */
final class ReportReading {

  /** A report whose presence lies entirely further than this from the session is of another day. */
  static final Duration SAME_DAY_MARGIN = Duration.ofHours(6);

  private static final AttendanceReportReader READER = new AttendanceReportReader();

  private ReportReading() {}

  static ParsedReport read(
      byte[] content, Session session, ZoneId zone, ImportChoices choices, long maxBytes) {
    ReadContext ctx =
        ReadContext.of(session.startsAt(), session.endsAt(), zone).withMaxBytes(maxBytes);
    ctx = choices.zone().map(ctx::withZone).orElse(ctx);
    ctx = choices.dayOrder().map(ctx::withDayOrder).orElse(ctx);
    ctx = choices.meeting().map(ctx::withMeeting).orElse(ctx);
    ParsedReport report;
    try {
      report = READER.read(content, ctx);
    } catch (ReportFormatException e) {
      throw ImportRefused.of(e);
    }
    if (choices.meeting().isEmpty()) {
      // A meeting the organiser picked by hand is theirs to vouch for.
      checkSameDay(report, session, choices.zone().orElse(zone));
    }
    return report;
  }

  private static void checkSameDay(ParsedReport report, Session s, ZoneId zone) {
    var from = s.startsAt().minus(SAME_DAY_MARGIN);
    var to = s.endsAt().plus(SAME_DAY_MARGIN);
    boolean any = false;
    Interval first = null;
    for (var p : report.participants()) {
      for (Interval i : p.intervals()) {
        any = true;
        if (i.to().isAfter(from) && i.from().isBefore(to)) {
          return;
        }
        if (first == null || i.from().isBefore(first.from())) {
          first = i;
        }
      }
    }
    if (any) {
      throw new ImportRefused(
          "attendance.import.otherDay",
          0,
          0,
          java.util.List.of(),
          first.from().atZone(zone).toLocalDate().toString(),
          s.startsAt().atZone(zone).toLocalDate().toString());
    }
  }
}
