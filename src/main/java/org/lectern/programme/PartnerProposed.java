package org.lectern.programme;

import java.util.UUID;

/**
 * A programme's manager proposed to name another organisation (a new proposal, or an accepted
 * partner's texts changed): its administrators are told by mail (ADR 0010). {@code proposalId} is
 * new for each proposal, so a redelivered event queues each mail once.
 */
public record PartnerProposed(
    UUID proposalId, UUID programmeId, UUID organisationId, PartnerRole role) {}
