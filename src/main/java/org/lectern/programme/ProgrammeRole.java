package org.lectern.programme;

/** A person's role on one programme. */
public enum ProgrammeRole {
  ORGANISER,
  SPEAKER,
  FUNDER
}
