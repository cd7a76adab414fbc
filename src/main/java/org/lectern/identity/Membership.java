package org.lectern.identity;

import java.util.UUID;

/**
 * A person's role in an organisation: ADMIN (members, settings, every programme) or MEMBER (creates
 * and runs programmes).
 */
public record Membership(UUID organisationId, String role) {}
