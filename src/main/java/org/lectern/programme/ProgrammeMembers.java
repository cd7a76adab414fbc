package org.lectern.programme;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.ProgrammeService.Page;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.LocalizedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who holds which role on a programme, and taking a role away. Listing shows names and e-mail
 * addresses, so every listing is audited; so is every revocation.
 */
@Service
public record ProgrammeMembers(
    ProgrammeService programmes,
    ProgrammeRepository repository,
    UserService users,
    AuditLog audit,
    OrganisationService organisations,
    TransactionTemplate transactions) {

  private static final Comparator<ProgrammeMember> ORDER =
      Comparator.comparing((ProgrammeMember m) -> m.role().ordinal())
          .thenComparing(ProgrammeMember::fullName, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(ProgrammeMember::email, String.CASE_INSENSITIVE_ORDER);

  /** One page of the members, by role then name, for those who manage the programme; audited. */
  public Page<ProgrammeMember> list(LecternUser actor, UUID programmeId, int limit, int offset) {
    return transactions.execute(status -> listInTransaction(actor, programmeId, limit, offset));
  }

  private Page<ProgrammeMember> listInTransaction(
      LecternUser actor, UUID programmeId, int limit, int offset) {
    Programme p = programmes.manageable(actor, programmeId);
    List<ProgrammeMember> all = all(programmeId);
    List<ProgrammeMember> shown = all.stream().skip(offset).limit(limit).toList();
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            "programme.membersListed",
            p.organisationId(),
            "programme",
            programmeId.toString(),
            shown.size(),
            null));
    return new Page<>(shown, all.size());
  }

  /**
   * The members of organisations that co-organise the programme, by partner then name, for those
   * who manage it; audited like the list of members.
   */
  public List<PartnerMember> viaPartners(LecternUser actor, UUID programmeId) {
    return transactions.execute(status -> viaPartnersInTransaction(actor, programmeId));
  }

  private List<PartnerMember> viaPartnersInTransaction(LecternUser actor, UUID programmeId) {
    Programme p = programmes.manageable(actor, programmeId);
    List<ProgrammeRepository.ViaPartner> rows = repository.viaPartners(programmeId);
    if (rows.isEmpty()) {
      return List.of();
    }
    var people = users.find(rows.stream().map(ProgrammeRepository.ViaPartner::userId).toList());
    var names = new java.util.HashMap<UUID, LocalizedText>();
    organisations
        .findAll(rows.stream().map(ProgrammeRepository.ViaPartner::organisationId).toList())
        .forEach(o -> names.put(o.id(), o.name()));
    List<PartnerMember> shown =
        rows.stream()
            .filter(r -> people.containsKey(r.userId()))
            .map(
                r -> {
                  LecternUser u = people.get(r.userId());
                  return new PartnerMember(
                      u.id(),
                      u.email(),
                      u.fullName(),
                      r.organisationId(),
                      names.getOrDefault(r.organisationId(), LocalizedText.empty()));
                })
            .sorted(
                Comparator.comparing((PartnerMember m) -> m.organisationId().toString())
                    .thenComparing(PartnerMember::fullName, String.CASE_INSENSITIVE_ORDER))
            .toList();
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            "programme.membersListed",
            p.organisationId(),
            "programme",
            programmeId.toString(),
            shown.size(),
            "viaPartners"));
    return shown;
  }

  /**
   * Takes a role away; returns the membership that was removed. An unknown person or role (null) is
   * a membership that does not exist: {@code programme.member.notFound}.
   *
   * <p>Refuses ({@code programme.member.lastOrganiser}) to remove the last ORGANISER when that
   * would leave nobody able to manage the programme. Members of the owning organisation manage it
   * anyway (see {@link ProgrammeAccess#canManage}), so the guard only bites for a programme whose
   * organisation has no members — typically one a platform administrator set up for an outside
   * organiser. Platform administrators are not counted: they are the operator's last resort, not
   * the programme's managers. The actor may remove their own role while someone else can still
   * manage the programme.
   */
  public ProgrammeMember revoke(
      LecternUser actor, UUID programmeId, UUID userId, ProgrammeRole role) {
    return transactions.execute(status -> revokeInTransaction(actor, programmeId, userId, role));
  }

  private ProgrammeMember revokeInTransaction(
      LecternUser actor, UUID programmeId, UUID userId, ProgrammeRole role) {
    // Lock first, check access after: two organisers removing each other at the same time are
    // serialised, and the second one is checked as the first left things (no longer a manager).
    repository.lock(programmeId);
    Programme p = programmes.manageable(actor, programmeId);
    ProgrammeMember member =
        userId == null || role == null
            ? null
            : all(programmeId).stream()
                .filter(m -> m.userId().equals(userId) && m.role() == role)
                .findFirst()
                .orElse(null);
    if (member == null) {
      throw new NotFoundException("programme.member.notFound");
    }
    if (role == ProgrammeRole.ORGANISER
        && repository.organisersOtherThan(programmeId, userId) == 0
        && !users.organisationHasMembers(p.organisationId())) {
      throw new ConflictException("programme.member.lastOrganiser");
    }
    repository.removeMember(programmeId, userId, role);
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            "programme.memberRevoked",
            p.organisationId(),
            "programme",
            programmeId.toString(),
            1,
            "role=" + role.name() + " user=" + userId));
    return member;
  }

  private List<ProgrammeMember> all(UUID programmeId) {
    List<ProgrammeRepository.Membership> rows = repository.members(programmeId);
    var people = users.find(rows.stream().map(ProgrammeRepository.Membership::userId).toList());
    return rows.stream()
        .filter(r -> people.containsKey(r.userId()))
        .map(
            r -> {
              LecternUser u = people.get(r.userId());
              return new ProgrammeMember(u.id(), u.email(), u.fullName(), r.role(), r.grantedAt());
            })
        .sorted(ORDER)
        .toList();
  }
}
