package org.lectern.attendance;

import java.util.UUID;

/** A session's attendance changed (an import, a check-in); published in that transaction. */
public record AttendanceChanged(UUID sessionId) {}
