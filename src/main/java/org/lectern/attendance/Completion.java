package org.lectern.attendance;

import java.util.UUID;

/**
 * Whether a delegate completed a programme, and why: {@code reason} is a message key taking {@code
 * sessionsAttended} and {@code sessionsRequired} as arguments.
 */
public record Completion(
    UUID registrationId,
    int sessionsAttended,
    int sessionsRequired,
    long minutes,
    boolean completed,
    String reason) {}
