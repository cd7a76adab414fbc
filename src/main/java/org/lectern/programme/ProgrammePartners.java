package org.lectern.programme;

import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.OrganisationService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.TextRules;
import org.springframework.stereotype.Service;

/**
 * Naming organisations on a programme and their agreement (ADR 0010, amendment): the programme's
 * managers name or propose, the named organisation's administrators accept or decline. What is
 * named is read through {@link ProgrammeService#partners}.
 */
@Service
public record ProgrammePartners(
    ProgrammeService programmes,
    ProgrammePartnerRepository partnerships,
    OrganisationService organisations,
    AuditLog audit,
    Transactions transactions,
    org.springframework.context.ApplicationEventPublisher events) {

  /** What naming an organisation did: named at once, or proposed until it agrees. */
  public enum Naming {
    NAMED,
    PROPOSED
  }

  /**
   * Names an organisation on the programme (ADR 0010, amendment). The programme's own organisation,
   * or one the actor administers, is named at once; any other is only proposed, and gives nothing
   * until one of its administrators accepts. An id that names no organisation is answered as a
   * proposal too, and nothing is stored, so the answer does not tell which organisations exist.
   */
  public Naming putPartner(LecternUser actor, UUID programmeId, ProgrammePartner partner) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          var problems = new InvalidInputException.Collector();
          problems.check(partner.organisationId() != null, "organisationId", "validation.choice");
          problems.check(partner.role() != null, "role", "validation.choice");
          TextRules.check(
              problems,
              "acknowledgement",
              partner.acknowledgement(),
              p.languages(),
              ProgrammePartner.TEXT_MAX);
          TextRules.check(
              problems,
              "disclaimer",
              partner.disclaimer(),
              p.languages(),
              ProgrammePartner.TEXT_MAX);
          problems.throwIfAny();
          UUID org = partner.organisationId();
          boolean own = org.equals(p.organisationId());
          boolean exists = own || organisations.find(org).isPresent();
          boolean agreed = own || (exists && organisations.canAdminister(actor, org));
          Boolean before = exists ? partnerships.accepted(programmeId, org, partner.role()) : null;
          if (exists) {
            partnerships.putPartner(programmeId, partner, agreed);
          }
          // An accepted partner whose texts changed awaits its agreement again.
          boolean named =
              agreed
                  || exists
                      && Boolean.TRUE.equals(
                          partnerships.accepted(programmeId, org, partner.role()));
          auditPartner(
              actor,
              p,
              named ? "programme.partnerNamed" : "programme.partnerProposed",
              org,
              partner.role());
          if (exists && !named && !Boolean.FALSE.equals(before)) {
            // A new proposal (or changed texts of an accepted one): its administrators are told.
            // The same pending proposal put again tells nobody again.
            events.publishEvent(
                new PartnerProposed(UUID.randomUUID(), programmeId, org, partner.role()));
          }
          return named ? Naming.NAMED : Naming.PROPOSED;
        });
  }

  /**
   * Names an organisation whose agreement was obtained outside Lectern — only for data an operator
   * loads (the demo set), never for a request.
   */
  public void putAgreedPartner(UUID programmeId, ProgrammePartner partner) {
    transactions.run(() -> partnerships.putPartner(programmeId, partner, true));
  }

  /**
   * Stops naming an organisation in a role: removes a partner, or withdraws a proposal (then
   * false). 404 when it is not named in that role.
   */
  public boolean removePartner(LecternUser actor, UUID programmeId, UUID orgId, PartnerRole role) {
    return transactions.result(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          Boolean accepted =
              orgId == null || role == null
                  ? null
                  : partnerships.accepted(programmeId, orgId, role);
          if (accepted == null || !partnerships.removePartner(programmeId, orgId, role)) {
            throw new NotFoundException("programme.partner.notFound");
          }
          auditPartner(
              actor,
              p,
              accepted ? "programme.partnerRemoved" : "programme.partnerWithdrawn",
              orgId,
              role);
          return accepted;
        });
  }

  /**
   * The proposals made to an organisation, for its administrators; 404 for anyone else, its members
   * included, as for an organisation that does not exist.
   */
  public List<PartnerProposal> proposalsTo(LecternUser actor, UUID organisationId) {
    return transactions.read(
        () -> {
          administered(actor, organisationId);
          return partnerships.proposalsTo(organisationId);
        });
  }

  /**
   * An administrator of the named organisation accepts a proposal: from now on it is a partner. 404
   * for anyone else and for no such proposal; 409 when it was accepted already.
   */
  public void acceptProposal(
      LecternUser actor, UUID organisationId, UUID programmeId, PartnerRole role) {
    transactions.run(
        () -> {
          Boolean accepted = proposal(actor, organisationId, programmeId, role);
          if (accepted || !partnerships.accept(programmeId, organisationId, role)) {
            throw new ConflictException("programme.partner.alreadyAccepted");
          }
          auditPartner(
              actor,
              programmes.find(programmeId).orElseThrow(),
              "programme.partnerAccepted",
              organisationId,
              role,
              // In the named organisation's log: its administrator answered.
              organisationId);
        });
  }

  /**
   * The programmes that name the organisation with its agreement, for its administrators; 404 for
   * anyone else, as for an organisation that does not exist.
   */
  public List<PartnerProposal> partnershipsOf(LecternUser actor, UUID organisationId) {
    return transactions.read(
        () -> {
          administered(actor, organisationId);
          return partnerships.partnershipsOf(organisationId);
        });
  }

  /**
   * An administrator of the named organisation declines a proposal, or withdraws the organisation's
   * name from a programme it had accepted (the partner leaves: a co-organiser's members lose the
   * programme at once): either is deleted. True when it had been accepted. Audited in the named
   * organisation's log and, for a partner leaving, in the host's too.
   */
  public boolean declineProposal(
      LecternUser actor, UUID organisationId, UUID programmeId, PartnerRole role) {
    return transactions.result(
        () -> {
          Boolean accepted = proposal(actor, organisationId, programmeId, role);
          partnerships.removePartner(programmeId, organisationId, role);
          Programme p = programmes.find(programmeId).orElseThrow();
          String action = accepted ? "programme.partnerLeft" : "programme.partnerDeclined";
          // In the named organisation's log: its administrator answered.
          auditPartner(actor, p, action, organisationId, role, organisationId);
          if (accepted && !organisationId.equals(p.organisationId())) {
            // The host's managers see in their own log why the partner is gone.
            auditPartner(actor, p, action, organisationId, role, p.organisationId());
          }
          return accepted;
        });
  }

  /** Whether the proposal was accepted already; 404 when the actor cannot answer it or none. */
  private boolean proposal(
      LecternUser actor, UUID organisationId, UUID programmeId, PartnerRole role) {
    // Someone who does not administer the organisation meets "no such proposal", whatever exists.
    Boolean accepted =
        organisationId == null
                || programmeId == null
                || role == null
                || !organisations.canAdminister(actor, organisationId)
            ? null
            : partnerships.accepted(programmeId, organisationId, role);
    if (accepted == null) {
      throw new NotFoundException("programme.partner.proposalNotFound");
    }
    return accepted;
  }

  private void administered(LecternUser actor, UUID organisationId) {
    if (organisationId == null
        || !organisations.canAdminister(actor, organisationId)
        || organisations.find(organisationId).isEmpty()) {
      throw new NotFoundException("organisation.notFound");
    }
  }

  private void auditPartner(
      LecternUser actor, Programme p, String action, UUID organisationId, PartnerRole role) {
    auditPartner(actor, p, action, organisationId, role, p.organisationId());
  }

  private void auditPartner(
      LecternUser actor,
      Programme p,
      String action,
      UUID organisationId,
      PartnerRole role,
      UUID logOf) {
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            action,
            logOf,
            "programme",
            p.id().toString(),
            1,
            "organisation=" + organisationId + " role=" + role.name(),
            p.id()));
  }
}
