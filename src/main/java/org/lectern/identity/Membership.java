package org.lectern.identity;

import java.util.UUID;

/** A person's role in an organisation: ADMIN (manages members) or ORGANISER (runs programmes). */
public record Membership(UUID organisationId, String role) {}
