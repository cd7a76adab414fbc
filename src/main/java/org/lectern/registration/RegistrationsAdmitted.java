package org.lectern.registration;

import java.util.List;
import java.util.UUID;

/**
 * Several new registrations of one programme stored in one transaction by the group path (ADR 0004,
 * amendment "group commit"), all with the same status: CONFIRMED or PENDING. Published instead of
 * one {@link RegistrationConfirmed} or {@link RegistrationPending} each, in the same transaction,
 * so a listener can note them all at once.
 */
public record RegistrationsAdmitted(
    UUID programmeId, RegistrationStatus status, List<UUID> registrationIds) {

  public RegistrationsAdmitted {
    registrationIds = List.copyOf(registrationIds);
  }
}
