package org.lectern.organisation;

import java.util.UUID;

/**
 * An organisation administrator invited an address (ADR 0010): the person is told by mail, after
 * commit, for an address with an account and a new one alike. Carries no token — the listener
 * issues one ({@link OrganisationInvitations#issueLink}) — and {@code round} is new for every
 * invitation sent, so a redelivered event mails once.
 */
public record OrganisationInvited(UUID invitationId, UUID round) {}
