package org.lectern.notification;

import java.time.Instant;
import java.util.UUID;

/** One registration as its delegate sees it on "My trainings". */
public record DelegateRegistration(
    UUID registrationId, UUID programmeId, String status, String language, Instant createdAt) {

  public boolean active() {
    return !"CANCELLED".equals(status) && !"DECLINED".equals(status);
  }

  public boolean confirmed() {
    return "CONFIRMED".equals(status);
  }
}
