package org.lectern.organisation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.Emails;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Invitations to join an organisation that the person accepts (ADR 0010, amendment "an invitation
 * is accepted by its person"). An organisation administrator inviting an address gets the same
 * answer whether the address has an account or not: a pending invitation showing what they typed,
 * the same audit entry, a mail sent after commit. The person accepts or declines signed in as the
 * invited account, with the link of that mail (one use, valid {@link #VALIDITY}); until then they
 * are no member and hold no role.
 */
@Service
public record OrganisationInvitations(
    OrganisationService organisations,
    OrganisationRepository rows,
    OrganisationRoster members,
    OrganisationInvitationRepository invitations,
    UserService users,
    AuditLog audit,
    ApplicationEventPublisher events,
    Clock clock,
    Transactions transactions) {

  static final Duration VALIDITY = Duration.ofDays(7);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** An invitation opened by its person, with the organisation's name in their language. */
  public record Opened(OrganisationInvitation invitation, Organisation organisation) {}

  /**
   * Invites an address. The checks, the work and the answer are the same for an address with an
   * account and a new one; a new address also gets an account without a password (and the usual
   * mail to choose one). Someone already a member is refused (409): the inviter sees the members.
   */
  public OrganisationInvitation invite(
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
          String name = fullName == null ? "" : fullName.strip();
          var problems = new InvalidInputException.Collector();
          problems.check(Emails.isValid(address), "email", "validation.email");
          problems.check(!name.isEmpty(), "fullName", "validation.required");
          problems.check(name.length() <= 200, "fullName", "validation.size", 200, 1);
          problems.check(role != null, "role", "validation.choice");
          problems.throwIfAny();
          String lang = Language.fromCode(language).orElse(Language.EN).code();
          // One invitation at a time per organisation: two concurrent ones of a new address
          // make one account and one row.
          rows.lock(organisationId);
          var existing = users.findByEmail(address);
          if (existing.isPresent()
              && members.roleOf(organisationId, existing.get().id()).isPresent()) {
            throw new ConflictException("organisation.invitation.alreadyMember");
          }
          UUID userId =
              existing
                  .map(LecternUser::id)
                  .orElseGet(() -> users.createInvitee(actor, address, name, lang));
          var now = clock.instant();
          var invitation =
              invitations.upsert(
                  organisationId,
                  userId,
                  address,
                  name,
                  role,
                  lang,
                  actor.id(),
                  now,
                  now.plus(VALIDITY));
          record(
              actor,
              "organisation.member.invited",
              organisationId,
              invitation.id(),
              "role=" + role);
          events.publishEvent(new OrganisationInvited(invitation.id(), invitation.round()));
          return invitation;
        });
  }

  /** The organisation's invitations still waiting for their person (its administrators). */
  public List<OrganisationInvitation> pending(LecternUser actor, UUID organisationId) {
    return transactions.read(
        () -> {
          organisations.administrable(actor, organisationId);
          return invitations.pending(organisationId, clock.instant());
        });
  }

  /** Withdraws an invitation of the organisation; 404 for any other id. */
  public void withdraw(LecternUser actor, UUID organisationId, UUID invitationId) {
    transactions.run(
        () -> {
          organisations.administrable(actor, organisationId);
          var invitation =
              Optional.ofNullable(invitationId)
                  .flatMap(invitations::find)
                  .filter(i -> i.organisationId().equals(organisationId))
                  .orElseThrow(() -> new NotFoundException("organisation.invitation.notFound"));
          invitations.delete(invitation.id());
          record(
              actor,
              "organisation.invitation.withdrawn",
              organisationId,
              invitation.id(),
              "role=" + invitation.role());
        });
  }

  /** What the mail listener needs: the invitation, if still in this round. */
  public Optional<OrganisationInvitation> find(UUID invitationId, UUID round) {
    return invitations.find(invitationId).filter(i -> i.round().equals(round));
  }

  /**
   * A new link for the invitation's mail (the digest stored, the old link spent), if the invitation
   * is still in this round; empty when it was withdrawn, answered or sent again.
   */
  public Optional<String> issueLink(UUID invitationId, UUID round) {
    return transactions.result(
        () -> {
          byte[] bytes = new byte[32];
          RANDOM.nextBytes(bytes);
          String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
          return invitations.setToken(invitationId, round, Sha256.bytes(token))
              ? Optional.of(token)
              : Optional.<String>empty();
        });
  }

  /** The invitation of this link for the signed-in person; empty for anyone else, as for none. */
  public Optional<Opened> open(LecternUser actor, String token) {
    return transactions.result(
        () ->
            mine(actor, token)
                .flatMap(i -> organisations.find(i.organisationId()).map(o -> new Opened(i, o))));
  }

  /** Accepts: the person becomes a member with the invited role; the link is spent. */
  public UUID accept(LecternUser actor, String token) {
    return transactions.result(
        () -> {
          var invitation = mine(actor, token).orElseThrow(OrganisationInvitations::unknown);
          rows.lock(invitation.organisationId());
          invitations.delete(invitation.id());
          if (members.roleOf(invitation.organisationId(), actor.id()).isEmpty()) {
            members.put(invitation.organisationId(), actor.id(), invitation.role());
          }
          record(
              actor,
              "organisation.member.joined",
              invitation.organisationId(),
              invitation.id(),
              "role=" + invitation.role());
          return invitation.organisationId();
        });
  }

  /** Declines: the invitation is deleted, nothing else changes. */
  public void decline(LecternUser actor, String token) {
    transactions.run(
        () -> {
          var invitation = mine(actor, token).orElseThrow(OrganisationInvitations::unknown);
          invitations.delete(invitation.id());
          record(
              actor,
              "organisation.invitation.declined",
              invitation.organisationId(),
              invitation.id(),
              "role=" + invitation.role());
        });
  }

  private Optional<OrganisationInvitation> mine(LecternUser actor, String token) {
    if (actor == null || token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return invitations
        .byToken(Sha256.bytes(token), clock.instant())
        .filter(i -> i.userId().equals(actor.id()));
  }

  private static NotFoundException unknown() {
    return new NotFoundException("organisation.invitation.invalid");
  }

  private void record(
      LecternUser actor, String action, UUID organisationId, UUID invitationId, String details) {
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            action,
            organisationId,
            "invitation",
            invitationId.toString(),
            null,
            details));
  }
}
