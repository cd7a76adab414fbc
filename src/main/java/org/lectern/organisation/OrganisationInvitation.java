package org.lectern.organisation;

import java.time.Instant;
import java.util.UUID;

/**
 * A pending invitation to join an organisation (ADR 0010): the address and name are what the
 * inviter typed — never the account's own — and nothing is granted until the person accepts.
 */
public record OrganisationInvitation(
    UUID id,
    UUID organisationId,
    UUID userId,
    String email,
    String fullName,
    OrganisationRole role,
    String language,
    UUID round,
    Instant createdAt,
    Instant expiresAt) {}
