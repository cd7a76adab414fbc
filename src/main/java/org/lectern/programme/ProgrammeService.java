package org.lectern.programme;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.OrganisationService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.i18n.TextRules;
import org.springframework.stereotype.Service;

/** Programmes: creating, changing, publishing and finding them, with access checked. */
@Service
public record ProgrammeService(
    ProgrammeRepository programmes,
    ProgrammePartnerRepository partnerships,
    ProgrammeAccess access,
    UserService users,
    OrganisationService organisations,
    Clock clock,
    AuditLog audit,
    Transactions transactions) {

  /** A page of results with the total for {@code X-Total-Count}. */
  public record Page<T>(List<T> items, int total) {}

  public Programme create(LecternUser actor, UUID organisationId, ProgrammeInput in) {
    return transactions.result(
        () -> {
          UUID org = organisationId != null ? organisationId : defaultOrganisation(actor);
          if (!access.canCreateIn(actor, org)) {
            // Someone outside a named organisation learns nothing of it (API contract: 404, not
            // 403).
            throw org == null
                ? new ForbiddenException("programme.cannotCreate")
                : new NotFoundException("organisation.notFound");
          }
          if (programmes.slugTaken(in.slug(), null)) {
            throw InvalidInputException.of("slug", "programme.slugTaken", in.slug());
          }
          var now = clock.instant();
          Programme p = Programme.create(org, in, now);
          programmes.insert(p);
          partnerships.putPartner(
              p.id(),
              new ProgrammePartner(
                  org, PartnerRole.ORGANISER, LocalizedText.empty(), LocalizedText.empty(), 0),
              true);
          return p;
        });
  }

  /**
   * The caller's only organisation. With several the caller must choose (422 {@code
   * programme.organisationRequired}, naming them); with none, an organisation is set up first.
   */
  private UUID defaultOrganisation(LecternUser actor) {
    if (actor == null) {
      throw new ForbiddenException("programme.cannotCreate");
    }
    var own = organisations.ofMember(actor);
    var candidates = own.isEmpty() && actor.platformAdmin() ? organisations.all() : own;
    if (candidates.size() == 1) {
      return candidates.get(0).id();
    }
    if (candidates.isEmpty()) {
      throw new OrganisationRequired("programme.noOrganisation", "");
    }
    String names =
        candidates.stream()
            .map(o -> o.name().in("en", List.of("ru", "kk")) + " (" + o.id() + ")")
            .collect(java.util.stream.Collectors.joining(", "));
    throw new OrganisationRequired("programme.organisationRequired", names);
  }

  public Programme update(LecternUser actor, UUID id, ProgrammeInput in) {
    return transactions.result(() -> update(actor, id, in, null));
  }

  /**
   * Changes a programme as the actor last saw it: when {@code expectedVersion} is given and someone
   * saved in between, refuses with {@code programme.changedMeanwhile} instead of overwriting.
   */
  public Programme update(LecternUser actor, UUID id, ProgrammeInput in, Integer expectedVersion) {
    return transactions.result(
        () -> {
          Programme current = manageable(actor, id);
          if (expectedVersion != null && current.version() != expectedVersion) {
            throw new ConflictException("programme.changedMeanwhile");
          }
          if (programmes.slugTaken(in.slug(), id)) {
            throw InvalidInputException.of("slug", "programme.slugTaken", in.slug());
          }
          return save(current.with(in));
        });
  }

  public Programme publish(LecternUser actor, UUID id) {
    return transactions.result(() -> save(manageable(actor, id).publish()));
  }

  public Programme unpublish(LecternUser actor, UUID id) {
    return transactions.result(() -> save(manageable(actor, id).unpublish()));
  }

  private Programme save(Programme changed) {
    if (!programmes.update(changed)) {
      throw new ConflictException("programme.changedMeanwhile");
    }
    return programmes.find(changed.id()).orElseThrow();
  }

  /** The programme if the actor may manage it; 404 when they may not even see it. */
  public Programme manageable(LecternUser actor, UUID id) {
    Programme p = visible(actor, id);
    if (!access.canManage(actor, p)) {
      throw new ForbiddenException("programme.cannotManage");
    }
    return p;
  }

  /**
   * The programme if the actor may work its door: manage it, or hold the {@link ProgrammeRole#DOOR}
   * role on it. 404 when they cannot see it, 403 when they may not.
   */
  public Programme atTheDoor(LecternUser actor, UUID id) {
    Programme p = visible(actor, id);
    if (!access.canManage(actor, p) && !access.hasRole(actor, p, ProgrammeRole.DOOR)) {
      throw new ForbiddenException("programme.cannotManage");
    }
    return p;
  }

  public Programme visible(LecternUser actor, UUID id) {
    return programmes
        .find(id)
        .filter(p -> access.canSee(actor, p))
        .orElseThrow(() -> new NotFoundException("programme.notFound"));
  }

  public Optional<Programme> find(UUID id) {
    return programmes.find(id);
  }

  public Optional<Programme> findBySlug(String slug) {
    return programmes.findBySlug(slug);
  }

  public Optional<Programme> publishedBySlug(String slug) {
    return programmes.findBySlug(slug).filter(Programme::isPublished);
  }

  /** The heading of a published programme (not its description): the double opt-in link. */
  public Optional<ProgrammeHeading> publishedHeading(String slug) {
    return programmes.publishedHeading(slug);
  }

  public List<Programme> published() {
    return programmes.published();
  }

  public Page<Programme> visibleTo(LecternUser actor, int limit, int offset) {
    if (actor == null) {
      List<Programme> all = programmes.published();
      return new Page<>(all.stream().skip(offset).limit(limit).toList(), all.size());
    }
    return new Page<>(
        programmes.visibleTo(actor.id(), actor.platformAdmin(), limit, offset),
        programmes.countVisibleTo(actor.id(), actor.platformAdmin()));
  }

  /** The organisations named on the programme that agreed to it (what pages, reports show). */
  public List<ProgrammePartner> partners(UUID programmeId) {
    return partnerships.partners(programmeId);
  }

  /**
   * Organisations proposed on the programme that have not agreed yet: only for its managers (the
   * caller has checked {@link #manageable}); never shown publicly.
   */
  public List<ProgrammePartner> proposals(UUID programmeId) {
    return partnerships.proposals(programmeId);
  }

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
          Programme p = manageable(actor, programmeId);
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
          boolean named = agreed || Boolean.TRUE.equals(before);
          auditPartner(
              actor,
              p,
              named ? "programme.partnerNamed" : "programme.partnerProposed",
              org,
              partner.role());
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
          Programme p = manageable(actor, programmeId);
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

  /** An administrator of the named organisation declines a proposal: it is deleted. */
  public void declineProposal(
      LecternUser actor, UUID organisationId, UUID programmeId, PartnerRole role) {
    transactions.run(
        () -> {
          Boolean accepted = proposal(actor, organisationId, programmeId, role);
          if (accepted) {
            throw new ConflictException("programme.partner.alreadyAccepted");
          }
          partnerships.removePartner(programmeId, organisationId, role);
          auditPartner(
              actor,
              programmes.find(programmeId).orElseThrow(),
              "programme.partnerDeclined",
              organisationId,
              role,
              // In the named organisation's log: its administrator answered.
              organisationId);
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

  public void grant(LecternUser actor, UUID programmeId, UUID userId, ProgrammeRole role) {
    transactions.run(
        () -> {
          Programme p = manageable(actor, programmeId);
          if (users.find(userId).isEmpty()) {
            throw InvalidInputException.of("userId", "identity.userNotFound");
          }
          programmes.addMember(programmeId, userId, role);
          // Who may see what is a security fact: a grant is audited like a revocation.
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  "programme.memberGranted",
                  p.organisationId(),
                  "programme",
                  programmeId.toString(),
                  1,
                  "role=" + role.name() + " user=" + userId));
        });
  }

  public boolean canManage(LecternUser actor, Programme p) {
    return access.canManage(actor, p);
  }

  public boolean hasRole(LecternUser actor, Programme p, ProgrammeRole role) {
    return access.hasRole(actor, p, role);
  }
}
