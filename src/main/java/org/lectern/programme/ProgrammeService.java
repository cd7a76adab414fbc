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

  public void grant(LecternUser actor, UUID programmeId, UUID userId, ProgrammeRole role) {
    transactions.run(
        () -> {
          Programme p = manageable(actor, programmeId);
          if (grantee(actor, p, users.reachable(actor, p.organisationId(), userId), userId)
              .isEmpty()) {
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

  /**
   * The account a programme's manager may give a role to, by e-mail address (the page's form): as
   * {@link UserService#reachable}, or someone who already holds a role on the programme or belongs
   * to an organisation co-organising it (both listed on its members page). An account of other
   * organisations only is empty, exactly as an address of no account.
   */
  public Optional<LecternUser> grantee(LecternUser actor, Programme p, String email) {
    var reachable = users.reachableByEmail(actor, p.organisationId(), email);
    if (reachable.isPresent()) {
      return reachable;
    }
    return users
        .findByEmail(email == null ? "" : email)
        .flatMap(u -> grantee(actor, p, Optional.empty(), u.id()));
  }

  private Optional<LecternUser> grantee(
      LecternUser actor, Programme p, Optional<LecternUser> reachable, UUID userId) {
    if (reachable.isPresent() || userId == null) {
      return reachable;
    }
    boolean known =
        programmes.members(p.id()).stream().anyMatch(m -> m.userId().equals(userId))
            || programmes.viaPartners(p.id()).stream().anyMatch(v -> v.userId().equals(userId));
    return known ? users.find(userId) : Optional.empty();
  }

  public boolean canManage(LecternUser actor, Programme p) {
    return access.canManage(actor, p);
  }

  public boolean hasRole(LecternUser actor, Programme p, ProgrammeRole role) {
    return access.hasRole(actor, p, role);
  }
}
