package org.lectern.registration;

import java.util.UUID;

/** The organiser declined; {@code message} is their note to the delegate (may be empty). */
public record RegistrationDeclined(UUID registrationId, UUID programmeId) {}
