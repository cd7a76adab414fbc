package org.lectern.session;

/** Where a session happens: on a video call, in a room, or both at once. */
public enum DeliveryMode {
  ONLINE,
  IN_PERSON,
  HYBRID;

  public boolean hasRoom() {
    return this != ONLINE;
  }

  public boolean isOnline() {
    return this != IN_PERSON;
  }
}
