package org.lectern.identity;

import java.util.UUID;

/**
 * An organisation administrator asked for an account with the address of an existing one. The
 * administrator was answered as for a new address and nothing changed; its holder is told by mail
 * (who asked). Ids only.
 */
public record AccountAlreadyExists(UUID userId, UUID actorId) {}
