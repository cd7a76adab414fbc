package org.lectern.attendance.report;

/**
 * The part a person played in a meeting, so hosts and speakers can be told apart from learners who
 * need attendance credit. Declared from most to least significant.
 */
public enum ParticipantRole {
  HOST,
  CO_HOST,
  PANELIST,
  PRESENTER,
  ATTENDEE,
  GUEST,
  UNKNOWN;

  /** The more significant of two roles: a panelist who also shows up as attendee is a panelist. */
  public ParticipantRole strongest(ParticipantRole other) {
    return other.ordinal() < ordinal() ? other : this;
  }
}
