package org.lectern.programme;

import java.util.UUID;

/**
 * An organisation proposed on a programme that has not agreed yet: stored, shown to the programme's
 * managers and to the organisation's administrators, and giving nothing until one of those
 * administrators accepts it (ADR 0010).
 */
public record PartnerProposal(UUID programmeId, ProgrammePartner partner) {}
