package org.lectern.session;

import java.time.Instant;

/**
 * One event of a calendar file. The uid is stable for a session, and the sequence grows with every
 * change, so calendar clients replace the earlier event instead of adding another.
 */
public record CalendarEntry(
    String uid,
    int sequence,
    Instant start,
    Instant end,
    Instant lastModified,
    String summary,
    String description,
    String location,
    String url,
    boolean cancelled) {}
