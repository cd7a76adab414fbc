package org.lectern.attendance.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects what a format reader found and produces the {@link ParsedReport}. */
final class ReportBuilder {

  private final String format;
  private final ParticipantBook book = new ParticipantBook();
  private final List<ReportWarning> warnings = new ArrayList<>();
  private int rows;
  private MeetingInfo meeting;

  ReportBuilder(String format) {
    this.format = format;
  }

  ReportBuilder row() {
    rows++;
    return this;
  }

  /** A join with both ends; a leave before the join (clock skew in exports) is swapped, warned. */
  void attend(Person person, Instant join, Instant leave, int line) {
    if (leave.isBefore(join)) {
      warn("attendance.import.leaveBeforeJoin", line, person.name());
      book.add(person, new Interval(leave, join));
    } else {
      book.add(person, new Interval(join, leave));
    }
  }

  void attendMinutes(Person person, int minutes) {
    book.addMinutes(person, minutes);
  }

  void note(Person person) {
    book.note(person);
  }

  void warn(String code, int line, String... args) {
    warnings.add(ReportWarning.of(code, line, args));
  }

  void meeting(MeetingInfo info) {
    this.meeting = info;
  }

  ParsedReport build() {
    List<ReportedParticipant> participants = book.participants();
    if (participants.isEmpty()) {
      throw ReportFormatException.ofFile(ReportFormatException.EMPTY, format);
    }
    return new ParsedReport(format, rows, participants, warnings, Optional.ofNullable(meeting));
  }
}
