package org.lectern.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything Lectern's mail module and "My trainings" hold about a delegate, as JSON. */
public record MyData(
    String email, String language, boolean calendarFeedActive, List<Registration> registrations) {

  public record Registration(
      UUID registrationId,
      UUID programmeId,
      String programme,
      String status,
      String language,
      Instant registeredAt) {}
}
