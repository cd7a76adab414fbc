package org.lectern.identity;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lectern.audit.AuditAction;
import org.lectern.audit.AuditLog;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.text.TextInput;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * An account's life after its creation: its owner changes the password or their name; an
 * administrator disables or re-enables it. A new password and a disabling end the account's other
 * browser sessions on every node, because {@link AccountStateFilter} compares each session with the
 * account's counter on every request; a new name leaves them open.
 */
@Service
public record Accounts(
    UserRepository users,
    AccountRepository accounts,
    PasswordEncoder encoder,
    PasswordPolicy policy,
    AuditLog audit,
    Clock clock,
    BrowserSessions sessions,
    Transactions transactions) {

  static final int PAGE = 500;

  /**
   * Changes the owner's password after checking the current one; returns the new session counter
   * (the caller's own session moves to it, every other session of the account ends).
   */
  public int changePassword(LecternUser owner, String current, String next) {
    return transactions.result(
        () -> {
          var user =
              users
                  .findById(owner.id())
                  .orElseThrow(() -> new NotFoundException("identity.userNotFound"));
          if (current == null
              || current.length() > PasswordPolicy.MAX_LENGTH
              || user.passwordHash() == null
              || !encoder.matches(current, user.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "identity.password.wrongCurrent");
          }
          policy.check("newPassword", next, personal(user));
          int epoch = accounts.setPassword(user.id(), encoder.encode(next));
          record(
              owner, AuditAction.ACCOUNT_PASSWORD_CHANGED, user.id(), firstOrganisation(user.id()));
          return epoch;
        });
  }

  /**
   * Changes the name the owner is shown by (member lists, live rooms, the audit log): one line of 1
   * to 200 characters after trimming, as every person's name ({@link TextInput.Kind#NAME}). Returns
   * the name as stored.
   */
  public String rename(LecternUser owner, String name) {
    var problems = new InvalidInputException.Collector();
    String next;
    try {
      next = name == null ? "" : TextInput.normalise(name).strip();
    } catch (TextInput.Refused e) {
      throw InvalidInputException.of("fullName", e.code(), e.args());
    }
    problems.check(!next.isEmpty(), "fullName", "validation.required");
    TextInput.check(problems, "fullName", next, TextInput.Kind.NAME);
    problems.throwIfAny();
    return transactions.result(
        () -> {
          if (!accounts.setName(owner.id(), next)) {
            throw new NotFoundException("identity.userNotFound");
          }
          record(
              owner, AuditAction.ACCOUNT_NAME_CHANGED, owner.id(), firstOrganisation(owner.id()));
          return next;
        });
  }

  /** Words from the person's own name and address that must not carry their password. */
  static String[] personal(LecternUser user) {
    String local = user.email() == null ? "" : user.email().split("@")[0];
    return new String[] {local, user.fullName()};
  }

  /**
   * Disables or re-enables an account. Platform administrators may do so for any account but their
   * own; an organisation administrator for accounts that belong only to organisations they
   * administer. An account outside the actor's organisations is "not found".
   */
  public LecternUser setDisabled(LecternUser actor, UUID targetId, boolean disabled) {
    return transactions.result(
        () -> {
          var target =
              users
                  .findById(targetId)
                  .orElseThrow(() -> new NotFoundException("identity.userNotFound"));
          if (target.id().equals(actor.id())) {
            throw new ConflictException("identity.account.self");
          }
          UUID organisation = authorise(actor, target);
          if (accounts.setDisabled(target.id(), disabled, clock.instant())) {
            if (disabled) {
              sessions.endAll(target.id(), null);
            }
            record(
                actor,
                disabled ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED,
                target.id(),
                organisation);
          }
          return users.findById(target.id()).orElseThrow();
        });
  }

  /** The organisation in whose name the actor acts on the target; refuses when they may not. */
  private UUID authorise(LecternUser actor, LecternUser target) {
    Set<UUID> targetOrgs = organisations(target.id(), false);
    if (actor.platformAdmin()) {
      return targetOrgs.stream().findFirst().orElse(null);
    }
    Set<UUID> administered = organisations(actor.id(), true);
    var shared = targetOrgs.stream().filter(administered::contains).findFirst();
    // An account also in another organisation (or a platform administrator) is "not found", as
    // one of no organisation they administer or none at all: a 403 would tell that the member
    // belongs elsewhere too (ADR 0010, nothing enumerates).
    if (shared.isEmpty() || target.platformAdmin() || !administered.containsAll(targetOrgs)) {
      throw new NotFoundException("identity.userNotFound");
    }
    return shared.get();
  }

  /** Whether the actor may disable anyone at all (and so sees the accounts page). */
  public boolean mayManageAccounts(LecternUser actor) {
    return actor.platformAdmin() || !organisations(actor.id(), true).isEmpty();
  }

  /** The accounts the actor sees on the accounts page (a listing, so audited). */
  public List<AccountRow> manageable(LecternUser actor) {
    return transactions.result(
        () -> {
          if (!mayManageAccounts(actor)) {
            throw new ForbiddenException("identity.account.forbidden");
          }
          var administered = List.copyOf(organisations(actor.id(), true));
          var rows = accounts.accounts(administered, actor.platformAdmin(), PAGE);
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.displayName(),
                  AuditAction.ACCOUNT_LISTED.code(),
                  administered.isEmpty() ? null : administered.get(0),
                  "user",
                  null,
                  rows.size(),
                  null));
          return rows;
        });
  }

  /** The organisations whose administrator the person is (their audit entries they may read). */
  public Set<UUID> administeredOrganisations(UUID userId) {
    return organisations(userId, true);
  }

  /** The organisations the person belongs to, in any organisation role. */
  Set<UUID> memberOrganisations(UUID userId) {
    return organisations(userId, false);
  }

  private Set<UUID> organisations(UUID userId, boolean adminOnly) {
    return users.memberships(userId).stream()
        .filter(m -> !adminOnly || "ADMIN".equals(m.role()))
        .map(Membership::organisationId)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** Records that the person ended {@code count} of their own browser sessions. */
  public void sessionsEnded(LecternUser owner, int count) {
    transactions.run(
        () ->
            audit.record(
                new AuditLog.Record(
                    owner.id(),
                    owner.displayName(),
                    AuditAction.ACCOUNT_SESSION_ENDED.code(),
                    firstOrganisation(owner.id()),
                    "user",
                    owner.id().toString(),
                    count,
                    null)));
  }

  /** Ends every browser session of the person, on every node (a reset password). */
  void endSessions(UUID userId) {
    sessions.endAll(userId, null);
  }

  UUID firstOrganisation(UUID userId) {
    return organisations(userId, false).stream().findFirst().orElse(null);
  }

  void record(LecternUser actor, AuditAction action, UUID subject, UUID organisation) {
    audit.record(
        new AuditLog.Record(
            actor == null ? null : actor.id(),
            actor == null ? null : actor.displayName(),
            action.code(),
            organisation,
            "user",
            subject.toString(),
            1,
            null));
  }
}
