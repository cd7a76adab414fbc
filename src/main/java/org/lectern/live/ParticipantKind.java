package org.lectern.live;

/** How someone came into the room. */
public enum ParticipantKind {
  /** An organiser or speaker of the programme. */
  STAFF,
  /** A delegate with a confirmed registration. */
  DELEGATE,
  /** Someone in the physical room who scanned the projector's code. */
  ROOM
}
