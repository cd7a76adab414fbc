package org.lectern.registration;

/**
 * Where a delegate chose to attend one hybrid session: online, or in the room with the seat
 * requested (registration not yet confirmed), confirmed, or on the room's waiting list.
 */
public enum RoomChoice {
  ONLINE,
  ROOM_REQUESTED,
  ROOM_CONFIRMED,
  ROOM_WAITLISTED;

  static RoomChoice of(String roomStatus) {
    return roomStatus == null ? ONLINE : valueOf("ROOM_" + roomStatus);
  }
}
