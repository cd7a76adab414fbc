package org.lectern.attendance.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The "meeting data" header-and-values pair Zoom writes above participant tables. */
record ZoomMeetingRow(HeaderIndex header, Row values) {

  static Optional<ZoomMeetingRow> find(List<Row> rows) {
    for (int i = 0; i + 1 < rows.size(); i++) {
      HeaderIndex h = HeaderIndex.of(rows.get(i));
      if (h.has(Column.MEETING_ID, Column.START)) {
        return Optional.of(new ZoomMeetingRow(h, rows.get(i + 1)));
      }
    }
    return Optional.empty();
  }

  /** The meeting row names its host by e-mail (participants export) or name (dashboard). */
  ParticipantRole roleOf(String name, String email) {
    String hostEmail = header.has(Column.EMAIL) ? header.text(values, Column.EMAIL) : "";
    String hostName = header.has(Column.HOST) ? header.text(values, Column.HOST) : "";
    boolean byEmail = !hostEmail.isEmpty() && hostEmail.equalsIgnoreCase(Text.clean(email));
    boolean byName = !hostName.isEmpty() && Text.key(hostName).equals(Text.key(name));
    return byEmail || byName ? ParticipantRole.HOST : ParticipantRole.ATTENDEE;
  }

  static ParticipantRole roleOf(Optional<ZoomMeetingRow> meeting, String name, String email) {
    return meeting.map(m -> m.roleOf(name, email)).orElse(ParticipantRole.ATTENDEE);
  }

  List<Cell> timeCells() {
    return List.of(header.cell(values, Column.START), header.cell(values, Column.END));
  }

  MeetingInfo info(TimeResolver times) {
    Instant start = times.instant(header.cell(values, Column.START)).orElse(null);
    Instant end = times.instant(header.cell(values, Column.END)).orElse(null);
    return new MeetingInfo(
        header.text(values, Column.MEETING_ID), header.text(values, Column.TOPIC), start, end);
  }
}
