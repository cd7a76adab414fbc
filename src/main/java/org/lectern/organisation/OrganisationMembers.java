package org.lectern.organisation;

import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Who belongs to an organisation, managed by its ADMINs (and platform administrators). Changes are
 * made one at a time per organisation (its row is locked), so two admins demoting each other at
 * once cannot leave it without an ADMIN. Every listing and change is audited.
 */
@Service
public record OrganisationMembers(
    OrganisationService organisations,
    OrganisationRepository rows,
    OrganisationRoster members,
    UserService users,
    AuditLog audit,
    Transactions transactions) {

  public List<OrganisationMember> list(LecternUser actor, UUID organisationId) {
    return transactions.result(
        () -> {
          organisations.administrable(actor, organisationId);
          List<OrganisationMember> all = members.members(organisationId);
          record(actor, "organisation.members.listed", organisationId, null, all.size(), null);
          return all;
        });
  }

  /** Adds an existing account, or changes the role of someone already in. */
  public OrganisationMember add(
      LecternUser actor, UUID organisationId, UUID userId, OrganisationRole role) {
    return transactions.result(
        () -> {
          organisations.administrable(actor, organisationId);
          // An account of other organisations only is no account here (ADR 0010): the answer
          // must not tell whether it exists, nor give its name.
          if (users.reachable(actor, organisationId, userId).isEmpty()) {
            throw InvalidInputException.of("userId", "organisation.member.unknownUser");
          }
          return put(actor, organisationId, userId, role);
        });
  }

  /**
   * Invites someone by e-mail: an existing account is added at once; otherwise an account is made
   * and its owner gets the usual invitation to choose a password (in {@code language}).
   */
  public OrganisationMember invite(
      LecternUser actor,
      UUID organisationId,
      String email,
      String fullName,
      OrganisationRole role,
      String language) {
    return transactions.result(
        () -> {
          organisations.administrable(actor, organisationId);
          String address = email == null ? "" : email.strip();
          UUID userId =
              users
                  .findByEmail(address)
                  .map(LecternUser::id)
                  .orElseGet(() -> users.createAccount(actor, address, fullName, null, language));
          return put(actor, organisationId, userId, role);
        });
  }

  public OrganisationMember changeRole(
      LecternUser actor, UUID organisationId, UUID userId, OrganisationRole role) {
    return transactions.result(
        () -> {
          organisations.administrable(actor, organisationId);
          if (userId == null || members.roleOf(organisationId, userId).isEmpty()) {
            throw new NotFoundException("organisation.member.notFound");
          }
          return put(actor, organisationId, userId, role);
        });
  }

  /** Takes someone out; refuses (409) to remove the last ADMIN. */
  public void remove(LecternUser actor, UUID organisationId, UUID userId) {
    transactions.run(
        () -> {
          organisations.administrable(actor, organisationId);
          rows.lock(organisationId);
          var current = userId == null ? null : members.roleOf(organisationId, userId).orElse(null);
          if (current == null) {
            throw new NotFoundException("organisation.member.notFound");
          }
          if (current == OrganisationRole.ADMIN && members.admins(organisationId) <= 1) {
            throw new ConflictException("organisation.member.lastAdmin");
          }
          members.remove(organisationId, userId);
          record(
              actor,
              "organisation.member.removed",
              organisationId,
              userId,
              null,
              "role=" + current);
        });
  }

  private OrganisationMember put(
      LecternUser actor, UUID organisationId, UUID userId, OrganisationRole role) {
    if (role == null) {
      throw InvalidInputException.of("role", "validation.choice");
    }
    rows.lock(organisationId);
    var current = members.roleOf(organisationId, userId).orElse(null);
    if (current == OrganisationRole.ADMIN
        && role != OrganisationRole.ADMIN
        && members.admins(organisationId) <= 1) {
      throw new ConflictException("organisation.member.lastAdmin");
    }
    if (current != role) {
      members.put(organisationId, userId, role);
      record(
          actor,
          current == null ? "organisation.member.added" : "organisation.member.roleChanged",
          organisationId,
          userId,
          null,
          "role=" + role + (current == null ? "" : " was=" + current));
    }
    return members.members(organisationId).stream()
        .filter(m -> m.userId().equals(userId))
        .findFirst()
        .orElseThrow();
  }

  private void record(
      LecternUser actor,
      String action,
      UUID organisationId,
      UUID subject,
      Integer count,
      String details) {
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            action,
            organisationId,
            subject == null ? "organisation" : "user",
            (subject == null ? organisationId : subject).toString(),
            count,
            details));
  }
}
