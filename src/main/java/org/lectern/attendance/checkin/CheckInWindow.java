package org.lectern.attendance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.lectern.session.Session;
import org.lectern.shared.time.TimeFormat;

/**
 * When the door of a session's room records scans. Check-ins: from an hour before the start (people
 * arrive early to find a seat) until the scheduled end; a check-in after the end would add no time
 * (presence is clipped to the schedule), so it is refused rather than looking like attendance.
 * Check-outs: for half an hour more, because sessions overrun and people leave through the door
 * after the scheduled end; their scan is kept, and their time is still clipped to the schedule.
 */
record CheckInWindow(Instant opens, Instant ends, Instant closes) {

  static final Duration EARLY = Duration.ofMinutes(60);
  static final Duration OVERRUN = Duration.ofMinutes(30);

  static CheckInWindow of(Session s) {
    return new CheckInWindow(s.startsAt().minus(EARLY), s.endsAt(), s.endsAt().plus(OVERRUN));
  }

  /** Whether the door is open at {@code now}: from the first check-in to the last check-out. */
  boolean isOpen(Instant now) {
    return !now.isBefore(opens) && !now.isAfter(closes);
  }

  /** Refuses a scan of this kind at {@code now}; the refusal names times in {@code zone}. */
  void check(CheckIn.Kind kind, Instant now, ZoneId zone) {
    if (now.isBefore(opens)) {
      throw new CheckInRefused("attendance.checkin.notYet", opens, TimeFormat.iso(opens, zone));
    }
    if (now.isAfter(closes)) {
      throw new CheckInRefused("attendance.checkin.closed", null);
    }
    if (kind == CheckIn.Kind.IN && now.isAfter(ends)) {
      throw new CheckInRefused("attendance.checkin.ended", null);
    }
  }
}
