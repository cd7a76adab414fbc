package org.lectern.organisation;

import java.time.Instant;
import java.util.UUID;

/** One person in an organisation, as its members page and API list them. */
public record OrganisationMember(
    UUID userId,
    String email,
    String fullName,
    OrganisationRole role,
    Instant addedAt,
    Instant lastSignInAt) {}
