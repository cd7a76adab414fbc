package org.lectern.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Accounts of organisers, speakers, funders and administrators. */
@Service
public record UserService(
    UserRepository users,
    MembershipRepository memberships,
    PasswordEncoder encoder,
    org.springframework.context.ApplicationEventPublisher events,
    PasswordPolicy policy,
    Transactions transactions)
    implements UserDetailsService {

  public static final int MIN_PASSWORD = 12;

  /** Platform administrators and organisation administrators may create accounts. */
  public boolean mayCreateAccounts(LecternUser actor) {
    return actor != null
        && (actor.platformAdmin()
            || users.memberships(actor.id()).stream().anyMatch(m -> "ADMIN".equals(m.role())));
  }

  /**
   * Creates an account for someone else. Without a password its owner is invited by e-mail to set
   * one (in {@code language}: en, ru or kk).
   */
  public UUID createAccount(
      LecternUser actor, String email, String fullName, String password, String language) {
    return transactions.result(
        () -> {
          if (!mayCreateAccounts(actor)) {
            throw new org.lectern.shared.error.ForbiddenException("identity.users.forbidden");
          }
          boolean invite = password == null || password.isEmpty();
          if (!invite && policy != null) {
            policy.check("password", password, email == null ? "" : email.split("@")[0], fullName);
          }
          UUID id = create(email, fullName, invite ? null : password, false);
          if (invite) {
            String lang =
                org.lectern.shared.i18n.Language.fromCode(language)
                    .orElse(org.lectern.shared.i18n.Language.EN)
                    .code();
            events.publishEvent(new UserInvited(id, lang));
          }
          return id;
        });
  }

  /**
   * As {@link #createAccount} without a password, for a new address an organisation administrator
   * invited (ADR 0010): until its person joins an organisation, the account is reached by no
   * organisation's managers (not as an account of no organisation either), exactly as an account of
   * another organisation, so the inviter cannot tell a new address from one that had an account.
   */
  public UUID createInvitee(LecternUser actor, String email, String fullName, String language) {
    return transactions.result(
        () -> {
          UUID id = createAccount(actor, email, fullName, null, language);
          users.markOrganisationInvitee(id);
          return id;
        });
  }

  /** The account a role was given to, and whether its owner still has to accept an invitation. */
  public record Invitee(UUID userId, boolean pending) {}

  /**
   * The account of someone being given a way in for a role another person gave them (a speaker):
   * the existing account with that address; otherwise a new one without a password, whose owner is
   * invited by e-mail (in {@code language}) to set one. An account still waiting for its password
   * gets the invitation again. The caller checks that the actor may give the role.
   */
  public Invitee inviteForRole(String email, String fullName, String language) {
    return transactions.result(
        () -> {
          String lang =
              org.lectern.shared.i18n.Language.fromCode(language)
                  .orElse(org.lectern.shared.i18n.Language.EN)
                  .code();
          var existing =
              email == null ? Optional.<LecternUser>empty() : users.findByEmail(email.strip());
          if (existing.isPresent()) {
            LecternUser u = existing.get();
            if (u.passwordHash() == null) {
              events.publishEvent(new UserInvited(u.id(), lang));
              return new Invitee(u.id(), true);
            }
            return new Invitee(u.id(), false);
          }
          UUID id = create(email == null ? null : email.strip(), fullName, null, false);
          events.publishEvent(new UserInvited(id, lang));
          return new Invitee(id, true);
        });
  }

  @Override
  public LecternUser loadUserByUsername(String email) {
    return users.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
  }

  public Optional<LecternUser> find(UUID id) {
    return users.findById(id);
  }

  /** The accounts with these ids, by id; unknown ids are left out. */
  public java.util.Map<UUID, LecternUser> find(java.util.Collection<UUID> ids) {
    var byId = new java.util.LinkedHashMap<UUID, LecternUser>();
    users.findByIds(java.util.Set.copyOf(ids)).forEach(u -> byId.put(u.id(), u));
    return byId;
  }

  /**
   * The account with this id as the managers of an organisation (or of one of its programmes) may
   * name it (ADR 0010, "accounts of other organisations"): a member of the organisation, or an
   * account that belongs to no organisation (door staff, speakers, funders) and is no platform
   * administrator. An account that belongs only to other organisations is empty, exactly as an id
   * of no account, so the answer does not tell whether it exists. A platform administrator acting
   * reaches every account.
   */
  public Optional<LecternUser> reachable(LecternUser actor, UUID organisationId, UUID userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return actor != null && actor.platformAdmin()
        ? users.findById(userId)
        : users.findReachable(userId, null, organisationId);
  }

  /** As {@link #reachable}, by e-mail address. */
  public Optional<LecternUser> reachableByEmail(
      LecternUser actor, UUID organisationId, String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return actor != null && actor.platformAdmin()
        ? users.findByEmail(email)
        : users.findReachable(null, email, organisationId);
  }

  /** Whether anyone belongs to the organisation (and so may manage its programmes). */
  public boolean organisationHasMembers(UUID organisationId) {
    return users.organisationHasMembers(organisationId);
  }

  public Optional<LecternUser> findByEmail(String email) {
    return users.findByEmail(email);
  }

  public UUID create(String email, String fullName, String password, boolean platformAdmin) {
    return transactions.result(
        () -> {
          var problems = new InvalidInputException.Collector();
          problems.check(email != null && Emails.isValid(email), "email", "validation.email");
          problems.check(
              fullName != null && !fullName.isBlank(), "fullName", "validation.required");
          problems.check(
              fullName == null || fullName.length() <= 200, "fullName", "validation.size", 200, 1);
          problems.check(
              password == null || password.length() >= MIN_PASSWORD,
              "password",
              "identity.password.short",
              MIN_PASSWORD);
          problems.throwIfAny();
          if (users.findByEmail(email).isPresent()) {
            throw new ConflictException("identity.emailTaken");
          }
          UUID id = UUID.randomUUID();
          users.insert(
              id,
              email,
              fullName,
              password == null ? null : encoder.encode(password),
              platformAdmin);
          return id;
        });
  }

  /** ADMIN or MEMBER ({@code ORGANISER}, the old name of MEMBER, is written as MEMBER). */
  public void grantOrganisationRole(UUID organisationId, UUID userId, String role) {
    transactions.run(
        () -> memberships.put(organisationId, userId, "ORGANISER".equals(role) ? "MEMBER" : role));
  }

  public List<Membership> memberships(UUID userId) {
    return users.memberships(userId);
  }

  public boolean anyPlatformAdmin() {
    return users.anyPlatformAdmin();
  }
}
