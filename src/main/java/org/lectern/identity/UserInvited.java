package org.lectern.identity;

import java.util.UUID;

/**
 * An account was created without a password: its owner must be invited to set one. Carries no token
 * — the listener issues one in its own transaction, so no secret sits in the event log.
 */
public record UserInvited(UUID userId, String language) {}
