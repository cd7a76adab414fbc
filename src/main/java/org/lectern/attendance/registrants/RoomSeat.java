package org.lectern.attendance.registrants;

/** What a delegate chose for a hybrid session's room, as the door list shows it. */
public enum RoomSeat {
  ONLINE,
  ROOM_REQUESTED,
  ROOM_CONFIRMED,
  ROOM_WAITLISTED;

  /** Expected at the door: a confirmed or requested room seat. */
  public boolean expected() {
    return this == ROOM_CONFIRMED || this == ROOM_REQUESTED;
  }
}
