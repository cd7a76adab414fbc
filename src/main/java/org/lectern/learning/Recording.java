package org.lectern.learning;

import java.time.Instant;
import java.util.UUID;

/** A session's recording: a link to the provider's copy, open between two instants. */
record Recording(
    UUID sessionId,
    UUID programmeId,
    String url,
    Instant availableFrom,
    Instant availableUntil,
    RecordingAccess access) {

  boolean available(Instant now) {
    return !now.isBefore(availableFrom) && now.isBefore(availableUntil);
  }
}
