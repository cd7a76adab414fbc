package org.lectern.learning;

/** Who may open a recording: anyone, the programme's confirmed delegates, or those who attended. */
public enum RecordingAccess {
  PUBLIC,
  REGISTERED,
  ATTENDED
}
