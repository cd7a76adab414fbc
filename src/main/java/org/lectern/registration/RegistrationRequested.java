package org.lectern.registration;

import java.util.UUID;

/**
 * Someone asked to register through the public form or API (double opt-in). Carries only ids: the
 * submission itself is stored encrypted. Handled after commit by the mail step.
 */
public record RegistrationRequested(UUID requestId, UUID programmeId) {}
