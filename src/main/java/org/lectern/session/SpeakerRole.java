package org.lectern.session;

/** What a speaker does in a session. */
public enum SpeakerRole {
  PRESENTER,
  LOCAL_EXPERT,
  MODERATOR,
  INTERPRETER
}
