package org.lectern.attendance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Teams attendance report (2021+) and Teams webinar report: numbered sections "1. Summary", "2.
 * Participants", "3. In-Meeting activities" in the organiser's language. Per-join activities are
 * used when present; otherwise first join to last leave, with the reported duration.
 */
final class TeamsReportReader implements FormatReader {

  private static final Pattern SECTION = Pattern.compile("\\d\\.\\s*\\S.*");

  @Override
  public boolean recognises(List<Row> rows) {
    return rows.stream().anyMatch(TeamsReportReader::isSectionTitle)
        && Rows.hasHeader(rows, h -> h.has(Column.NAME, Column.JOIN, Column.LEAVE));
  }

  private static boolean isSectionTitle(Row row) {
    return row.size() == 1 && SECTION.matcher(row.first()).matches();
  }

  @Override
  public ParsedReport read(List<Row> rows, ReadContext ctx) {
    List<TeamsSection> sections = TeamsSection.split(rows);
    TeamsSection summary = sections.get(0);
    List<TeamsSection> tables = sections.stream().filter(TeamsSection::isTable).toList();
    if (tables.isEmpty()) {
      throw ReportFormatException.ofFile(ReportFormatException.MISSING_COLUMN, "Name");
    }
    TeamsSection participants = tables.get(0);
    Optional<TeamsSection> activities =
        tables.size() > 1 ? Optional.of(tables.get(1)) : Optional.empty();
    List<Cell> cells = new ArrayList<>(summary.summaryTimes());
    tables.forEach(t -> cells.addAll(t.timeCells()));
    TimeResolver times = TimeResolver.decide(cells, ctx, ctx.fileZone());
    boolean webinar = participants.header().has(Column.REGISTRATION);
    ReportBuilder report = new ReportBuilder(webinar ? "teams-webinar" : "teams-attendance-report");
    boolean perJoin = activities.map(a -> !a.rows().isEmpty()).orElse(false);
    for (Row row : participants.rows()) {
      report.row();
      readParticipant(participants.header(), row, times, report, !perJoin);
    }
    if (perJoin) {
      for (Row row : activities.get().rows()) {
        report.row();
        readJoin(activities.get().header(), row, times, report);
      }
    }
    report.meeting(summary.meeting(times));
    return report.build();
  }

  private static Person person(HeaderIndex h, Row row) {
    String email = h.text(row, Column.EMAIL);
    String mail = email.contains("@") ? email : h.text(row, Column.UPN);
    return new Person(
        h.text(row, Column.NAME), null, mail, ValueVocabulary.role(h.text(row, Column.ROLE)));
  }

  private static void readParticipant(
      HeaderIndex h, Row row, TimeResolver times, ReportBuilder report, boolean useSpan) {
    Person person = person(h, row);
    Optional<Instant> first = times.instant(h.cell(row, Column.JOIN));
    Optional<Instant> last = times.instant(h.cell(row, Column.LEAVE));
    if (first.isEmpty() || last.isEmpty()) {
      return;
    }
    if (!useSpan) {
      report.note(person);
      return;
    }
    report.attend(person, first.get(), last.get(), row.line());
    Optional<Integer> minutes = Durations.minutes(h.cell(row, Column.DURATION));
    long span = Duration.between(first.get(), last.get()).toMinutes();
    minutes.ifPresent(m -> report.attendMinutes(person, m));
    if (minutes.isPresent() && minutes.get() < span) {
      report.warn(
          "attendance.import.spanOnly",
          row.line(),
          person.name(),
          String.valueOf(minutes.get()),
          String.valueOf(span));
    }
  }

  private static void readJoin(HeaderIndex h, Row row, TimeResolver times, ReportBuilder report) {
    Person person = person(h, row);
    Optional<Instant> join = times.instant(h.cell(row, Column.JOIN));
    Optional<Instant> leave = times.instant(h.cell(row, Column.LEAVE));
    if (join.isPresent() && leave.isPresent()) {
      report.attend(person, join.get(), leave.get(), row.line());
    } else {
      report.warn("attendance.import.missingTime", row.line(), person.name());
    }
  }
}
