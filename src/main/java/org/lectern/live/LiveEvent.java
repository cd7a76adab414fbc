package org.lectern.live;

import java.time.Instant;
import java.util.UUID;

/** One stored event of a room's stream; {@code payload} is JSON without personal links. */
public record LiveEvent(long id, UUID sessionId, String type, String payload, Instant createdAt) {}
