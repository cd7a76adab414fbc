package org.lectern.programme;

/** A person's role on one programme. */
public enum ProgrammeRole {
  ORGANISER,
  SPEAKER,
  FUNDER,
  /** Checks people in at the door of the room; sees the door lists and nothing else. */
  DOOR
}
