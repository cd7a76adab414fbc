package org.lectern.registration;

/** How a delegate attends a hybrid session. */
public enum AttendanceMode {
  ROOM,
  ONLINE
}
