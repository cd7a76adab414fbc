package org.lectern.registration;

import java.util.UUID;

/** Published after the change is stored (in the same transaction); listeners run after commit. */
public record RegistrationConfirmed(UUID registrationId, UUID programmeId) {}
