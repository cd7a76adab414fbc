package org.lectern.attendance.checkin;

import java.util.List;
import java.util.UUID;
import org.lectern.attendance.registrants.RoomSeat;
import org.lectern.programme.Programme;
import org.lectern.session.Session;

/**
 * The door list of a session: the delegates shown, how many matched the search, and the room's
 * figures — in the room now, checked in at least once, expected. Door staff see only those expected
 * in the room and only while the door is open ({@code open}); managers see every confirmed delegate
 * (those expected first) at any time. Nobody sees e-mail addresses or hints of them here.
 */
record DoorList(
    Session session,
    Programme programme,
    CheckInWindow window,
    boolean open,
    List<Person> people,
    int matching,
    int inRoom,
    int checkedIn,
    int expected,
    boolean manager) {

  /** One confirmed delegate at the door; {@code seat} is null when the session is not hybrid. */
  record Person(UUID registrationId, String name, RoomSeat seat, boolean expected, RoomStay stay) {}
}
