package org.lectern.speaker;

import java.util.List;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.LocalizedText;
import org.springframework.stereotype.Service;

/**
 * A speaker's way in: an organiser invites the speaker to sign in (the account is created and
 * invited by e-mail, or an existing one is linked); the speaker then keeps their own profile. The
 * record is linked when its invited owner first signs in — having a password proves the invitation
 * was accepted.
 */
@Service
public record SpeakerAccounts(
    SpeakerService speakers,
    SpeakerRepository repository,
    UserService users,
    AuditLog audit,
    Transactions transactions) {

  /** Whom the record is linked to, or was invited to be linked to (e-mail addresses, or null). */
  public record Status(String linkedEmail, String invitedEmail) {}

  /**
   * Invites the speaker to sign in at {@code email}, by those who manage the speaker. An address
   * with an account already is linked at once; otherwise the new account's owner gets the
   * invitation to set a password in {@code language}.
   */
  public Status invite(LecternUser actor, UUID speakerId, String email, String language) {
    return transactions.result(
        () -> {
          Speaker s = speakers.manageable(actor, speakerId);
          UserService.Invitee invitee = users.inviteForRole(email, s.fullName(), language);
          if (invitee.pending()) {
            repository.invite(s.id(), invitee.userId());
          } else {
            repository.link(s.id(), invitee.userId());
          }
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  "speaker.invited",
                  s.organisationId(),
                  "speaker",
                  s.id().toString(),
                  1,
                  (invitee.pending() ? "invited" : "linked") + " user=" + invitee.userId()));
          return status(actor, speakerId);
        });
  }

  /** The account status of a speaker the actor manages. */
  public Status status(LecternUser actor, UUID speakerId) {
    Speaker s = speakers.manageable(actor, speakerId);
    SpeakerRepository.Account a = repository.account(s.id());
    return new Status(email(a.userId()), email(a.invitedUserId()));
  }

  private String email(UUID userId) {
    return userId == null ? null : users.find(userId).map(LecternUser::email).orElse(null);
  }

  /**
   * The speaker records of the signed-in person, linking first those they were invited to claim (a
   * signed-in account has a password, so the invitation was accepted).
   */
  public List<Speaker> mine(LecternUser user) {
    return transactions.result(
        () -> {
          if (user == null) {
            return List.of();
          }
          if (user.passwordHash() != null) {
            repository.claim(user.id());
          }
          return repository.linkedTo(user.id());
        });
  }

  /** The person's own speaker record; 404 for any other. */
  public Speaker own(LecternUser user, UUID speakerId) {
    return mine(user).stream()
        .filter(s -> s.id().equals(speakerId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("speaker.notFound"));
  }

  /**
   * The speaker changes their own biography, affiliation and (when not null) photo — all or
   * nothing; the name and publication stay the organiser's.
   */
  public Speaker updateOwn(
      LecternUser user, UUID speakerId, LocalizedText bio, String affiliation, byte[] photo) {
    return transactions.result(
        () -> {
          Speaker s = own(user, speakerId);
          SpeakerInput in = SpeakerInput.validate(s.fullName(), bio, affiliation, s.published());
          SpeakerPhoto clean = photo == null ? null : SpeakerService.cleaned(photo);
          repository.updateOwnProfile(s.id(), in.bio(), in.affiliation());
          if (clean != null) {
            repository.setPhoto(s.id(), clean.bytes(), clean.type());
          }
          return repository.find(s.id()).orElseThrow();
        });
  }

  /** Whether the person is linked to any of these speaker records (a session's speakers). */
  public boolean isAny(LecternUser user, java.util.Collection<UUID> speakerIds) {
    return user != null
        && !speakerIds.isEmpty()
        && mine(user).stream().anyMatch(s -> speakerIds.contains(s.id()));
  }

  /** The raw stored photo of the person's own record (they may see it even when unpublished). */
  public java.util.Optional<SpeakerPhoto> ownPhoto(LecternUser user, UUID speakerId) {
    own(user, speakerId);
    return repository.photo(speakerId);
  }
}
