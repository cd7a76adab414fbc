package org.lectern.attendance.join;

import java.time.Duration;
import java.time.Instant;
import org.lectern.session.Session;

/** When a personal join link works: from 30 minutes before the start until the end. */
public record JoinWindow(Instant opens, Instant closes) {

  static final Duration EARLY = Duration.ofMinutes(30);

  enum State {
    NOT_YET,
    OPEN,
    OVER
  }

  public static JoinWindow of(Session s) {
    return new JoinWindow(s.startsAt().minus(EARLY), s.endsAt());
  }

  State at(Instant now) {
    if (now.isBefore(opens)) {
      return State.NOT_YET;
    }
    return now.isAfter(closes) ? State.OVER : State.OPEN;
  }
}
