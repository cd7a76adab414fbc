package org.lectern.attendance.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the reader knows about the session besides the file: report files write local times without
 * a zone and dates like 11/12/2020 without an order, so the session's own schedule and zone, plus
 * any choice the organiser made after a "needs a choice" answer, settle them.
 *
 * @param zoneOverride zone of the local times in the file when it differs from the session's
 * @param meetingChoice meeting id (as listed in the choice options) for multi-meeting files
 * @param maxBytes files larger than this are refused before decoding
 */
public record ReadContext(
    Instant scheduledStart,
    Instant scheduledEnd,
    ZoneId sessionZone,
    Optional<ZoneId> zoneOverride,
    Optional<DayOrder> dayOrder,
    Optional<String> meetingChoice,
    Optional<ColumnMapping> columnMapping,
    long maxBytes) {

  /** 50 MB: far above any real attendance report (a 1000-person webinar is about 200 KB). */
  public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

  public ReadContext {
    Objects.requireNonNull(scheduledStart, "scheduledStart");
    Objects.requireNonNull(scheduledEnd, "scheduledEnd");
    Objects.requireNonNull(sessionZone, "sessionZone");
    if (!scheduledEnd.isAfter(scheduledStart)) {
      throw new IllegalArgumentException("session must end after it starts");
    }
  }

  public static ReadContext of(Instant scheduledStart, Instant scheduledEnd, ZoneId sessionZone) {
    return new ReadContext(
        scheduledStart,
        scheduledEnd,
        sessionZone,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_MAX_BYTES);
  }

  public ReadContext withZone(ZoneId zone) {
    return new ReadContext(
        scheduledStart,
        scheduledEnd,
        sessionZone,
        Optional.of(zone),
        dayOrder,
        meetingChoice,
        columnMapping,
        maxBytes);
  }

  public ReadContext withDayOrder(DayOrder order) {
    return new ReadContext(
        scheduledStart,
        scheduledEnd,
        sessionZone,
        zoneOverride,
        Optional.of(order),
        meetingChoice,
        columnMapping,
        maxBytes);
  }

  public ReadContext withMeeting(String meetingId) {
    return new ReadContext(
        scheduledStart,
        scheduledEnd,
        sessionZone,
        zoneOverride,
        dayOrder,
        Optional.of(meetingId),
        columnMapping,
        maxBytes);
  }

  public ReadContext withColumnMapping(ColumnMapping mapping) {
    return new ReadContext(
        scheduledStart,
        scheduledEnd,
        sessionZone,
        zoneOverride,
        dayOrder,
        meetingChoice,
        Optional.of(mapping),
        maxBytes);
  }

  public ReadContext withMaxBytes(long limit) {
    return new ReadContext(
        scheduledStart,
        scheduledEnd,
        sessionZone,
        zoneOverride,
        dayOrder,
        meetingChoice,
        columnMapping,
        limit);
  }

  /** Zone of local times written in the file. */
  public ZoneId fileZone() {
    return zoneOverride.orElse(sessionZone);
  }
}
