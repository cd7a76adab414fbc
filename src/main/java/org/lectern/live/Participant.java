package org.lectern.live;

import java.util.UUID;

/** Someone in one session's room. The display name is what they chose to show; null = anonymous. */
record Participant(
    UUID id, UUID sessionId, ParticipantKind kind, String displayName, boolean removed) {

  boolean anonymous() {
    return displayName == null;
  }
}
