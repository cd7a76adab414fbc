package org.lectern.registration;

import java.time.Instant;
import java.util.UUID;

/** One of a delegate's own registrations, for "My trainings". */
public record OwnRegistration(
    UUID registrationId,
    UUID programmeId,
    RegistrationStatus status,
    Integer waitlistPosition,
    String language,
    Instant registeredAt) {}
