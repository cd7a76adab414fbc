package org.lectern.delegate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything Lectern holds about a delegate, as JSON: their address and choices, their
 * registrations, and each feature's section (registrations as given, with answers and consent;
 * attendance; certificates; mails sent to them).
 */
public record MyData(
    String email,
    String language,
    boolean calendarFeedActive,
    List<Registration> registrations,
    Map<String, List<Map<String, Object>>> held) {

  public MyData(
      String email, String language, boolean calendarFeedActive, List<Registration> registrations) {
    this(email, language, calendarFeedActive, registrations, Map.of());
  }

  MyData with(Map<String, List<Map<String, Object>>> sections) {
    return new MyData(email, language, calendarFeedActive, registrations, sections);
  }

  public record Registration(
      UUID registrationId,
      UUID programmeId,
      String programme,
      String status,
      String language,
      Instant registeredAt) {}
}
