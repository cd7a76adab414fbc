package org.lectern.identity;

import java.util.UUID;

/**
 * Someone asked for a password-reset link. {@code userId} is null when no enabled account has the
 * address (or its limit was reached): the event is published either way so that both cases do the
 * same work. Carries no address and no token; the listener issues the token with the mail.
 */
public record PasswordResetRequested(UUID userId) {}
