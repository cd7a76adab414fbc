package org.lectern.attendance.report;

import java.time.Instant;

/**
 * What the file says about the meeting itself, shown to the organiser to confirm the right file was
 * uploaded. Any field may be {@code null} when the format does not carry it.
 */
public record MeetingInfo(String id, String topic, Instant start, Instant end) {}
