package org.lectern.attendance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a delegate stands at the door of one session, read from their scans as {@link
 * CheckIn#presence} reads them: an IN opens a stay unless one is open, an OUT closes the open one.
 * {@code since} is when the open stay began (IN) or when the last one ended (LEFT).
 */
record RoomStay(State state, Instant since) {

  enum State {
    NOT_ARRIVED,
    IN,
    LEFT
  }

  static final RoomStay NOT_ARRIVED = new RoomStay(State.NOT_ARRIVED, null);

  static RoomStay of(List<CheckIn> scans) {
    List<CheckIn> sorted = new ArrayList<>(scans);
    sorted.sort(Comparator.comparing(CheckIn::at));
    RoomStay stay = NOT_ARRIVED;
    for (CheckIn c : sorted) {
      if (c.kind() == CheckIn.Kind.IN && !stay.inRoom()) {
        stay = new RoomStay(State.IN, c.at());
      } else if (c.kind() == CheckIn.Kind.OUT && stay.inRoom()) {
        stay = new RoomStay(State.LEFT, c.at());
      }
    }
    return stay;
  }

  boolean inRoom() {
    return state == State.IN;
  }

  boolean arrived() {
    return state != State.NOT_ARRIVED;
  }

  /**
   * Whether a scan of this kind changes anything: a check-in of someone already in the room does
   * not (false); a check-out of someone who is not in the room is refused.
   */
  boolean accepts(CheckIn.Kind kind) {
    if (kind == CheckIn.Kind.OUT && !inRoom()) {
      throw new CheckInRefused("attendance.checkin.notInRoom", null);
    }
    return kind == CheckIn.Kind.OUT || !inRoom();
  }
}
