package org.lectern.learning;

import java.time.Instant;
import java.util.UUID;

/** A session's material as listed (without its bytes). */
record Material(
    UUID id,
    UUID sessionId,
    UUID programmeId,
    String title,
    String fileName,
    String contentType,
    long sizeBytes,
    RecordingAccess access,
    Instant uploadedAt,
    int downloads) {

  boolean isPublic() {
    return access == RecordingAccess.PUBLIC;
  }
}
