package org.lectern.attendance.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Positions in a Zoom usage header, where the participant's e-mail is the copy of "User Email" that
 * comes after the participant's name, not the host's before it.
 */
final class ZoomUsageColumns {

  private final HeaderIndex h;
  private final int name;
  private final int email;
  private final int join;
  private final int leave;

  ZoomUsageColumns(HeaderIndex h) {
    this.h = h;
    this.name = h.lastIndex(Column.NAME);
    this.email = h.indexAfter(Column.EMAIL, name);
    this.join = h.indexAfter(Column.JOIN, name);
    this.leave = h.indexAfter(Column.LEAVE, name);
  }

  int name() {
    return name;
  }

  int email() {
    return email;
  }

  /** The meeting's host: the copy of "User Email" before the participant columns. */
  ParticipantRole roleOf(Row row) {
    int hostEmail = h.index(Column.EMAIL);
    boolean host =
        hostEmail >= 0
            && hostEmail < name
            && !row.text(email).isEmpty()
            && row.text(hostEmail).equalsIgnoreCase(row.text(email));
    return host ? ParticipantRole.HOST : ParticipantRole.ATTENDEE;
  }

  /** Several instances of a recurring meeting share the id; the start tells them apart. */
  String meetingKey(Row row) {
    return h.text(row, Column.MEETING_ID) + " " + h.text(row, Column.START);
  }

  List<Cell> timeCells(Row row) {
    return List.of(
        row.cell(join), row.cell(leave), h.cell(row, Column.START), h.cell(row, Column.END));
  }

  Optional<Instant> join(Row row, TimeResolver times) {
    return times.instant(row.cell(join));
  }

  Optional<Instant> leave(Row row, TimeResolver times) {
    return times.instant(row.cell(leave));
  }

  MeetingInfo meeting(Row row, TimeResolver times) {
    return new MeetingInfo(
        h.text(row, Column.MEETING_ID),
        h.text(row, Column.TOPIC),
        times.instant(h.cell(row, Column.START)).orElse(null),
        times.instant(h.cell(row, Column.END)).orElse(null));
  }
}
