package org.lectern.attendance;

import java.util.List;
import java.util.UUID;
import org.lectern.programme.Programme;
import org.lectern.session.Session;

/**
 * The door list of a session: the confirmed delegates shown (those expected in the room first), how
 * many matched the search, and the room's figures — in the room now, checked in at least once,
 * expected.
 */
record DoorList(
    Session session,
    Programme programme,
    CheckInWindow window,
    List<Person> people,
    int matching,
    int inRoom,
    int checkedIn,
    int expected,
    boolean manager) {

  /** One confirmed delegate at the door; {@code seat} is null when the session is not hybrid. */
  record Person(
      UUID registrationId,
      String name,
      String email,
      RoomSeat seat,
      boolean expected,
      RoomStay stay) {}
}
