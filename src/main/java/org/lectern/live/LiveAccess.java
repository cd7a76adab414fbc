package org.lectern.live;

import java.util.Optional;
import java.util.UUID;
import org.lectern.identity.DelegatePrincipal;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeRole;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.Registration;
import org.lectern.registration.RegistrationService;
import org.lectern.registration.RegistrationStatus;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.speaker.SpeakerAccounts;
import org.springframework.stereotype.Service;

/**
 * Who may be in a room: organisers and speakers of the programme, delegates with a confirmed
 * registration, and people in the physical room who scanned the projector's code. Everyone else
 * gets nothing — not even the questions.
 */
@Service
record LiveAccess(
    SpeakerAccounts speakerAccounts,
    RoomPresence presence,
    SessionService sessions,
    ProgrammeService programmes,
    RegistrationService registrations,
    PersonalDataCipher cipher,
    RoomRepository rooms,
    LiveWindow window,
    Transactions transactions) {

  static final int NAME_MAX = 60;

  /**
   * The session's programme if the user manages it (organisers, not speakers): the console then
   * shows the programme's menu, which a speaker could not use.
   */
  java.util.Optional<UUID> managedProgramme(UUID sessionId, LecternUser user) {
    if (user == null) {
      return java.util.Optional.empty();
    }
    return sessions
        .find(sessionId)
        .flatMap(s -> programmes.find(s.programmeId()))
        .filter(p -> programmes.canManage(user, p))
        .map(Programme::id);
  }

  /** Resolves the viewer; staff get their participant on first sight. */
  Viewer viewer(
      UUID sessionId, LecternUser user, String pass, Optional<DelegatePrincipal> delegate) {
    return transactions.result(
        () -> {
          Session s =
              sessions.find(sessionId).orElseThrow(() -> new NotFoundException("live.notFound"));
          Programme p =
              programmes
                  .find(s.programmeId())
                  .orElseThrow(() -> new NotFoundException("live.notFound"));
          boolean moderator = isStaff(user, p, s);
          if (!moderator && (!s.isPublished() || !p.isPublished())) {
            throw new NotFoundException("live.notFound");
          }
          rooms.ensure(sessionId);
          if (window.hasClosed(s)) {
            // The first look after closing forgets the vote salt (the sweeper does it otherwise).
            rooms.destroySalt(sessionId);
          }
          if (moderator) {
            Participant staff =
                rooms.enterOnce(
                    sessionId,
                    ParticipantKind.STAFF,
                    subject("user", user.id(), s),
                    user.fullName());
            return new Viewer(s, p, staff, true, user, false);
          }
          Participant byPass =
              pass == null || pass.isBlank()
                  ? null
                  : rooms.byPass(sessionId, Passes.digest(pass)).orElse(null);
          if (byPass != null && !byPass.removed()) {
            presence.seen(java.util.List.of(byPass.id()));
          }
          Optional<Registration> reg = delegate.flatMap(d -> confirmed(p, d));
          return new Viewer(s, p, byPass, false, user, byPass == null && reg.isPresent());
        });
  }

  /**
   * Lets someone in and returns their new pass: with the room's join key (people in the physical
   * room), or as a signed-in confirmed delegate. A removed delegate stays out.
   */
  String join(Viewer v, String joinKey, String displayName, Optional<DelegatePrincipal> delegate) {
    return transactions.result(
        () -> {
          String name = displayName == null ? "" : displayName.strip();
          if (name.length() > NAME_MAX) {
            throw InvalidInputException.of("displayName", "live.join.nameTooLong", NAME_MAX);
          }
          String shown = name.isEmpty() ? null : name;
          String pass = Passes.newPass();
          UUID sessionId = v.session().id();
          Optional<Registration> reg = delegate.flatMap(d -> confirmed(v.programme(), d));
          if (reg.isPresent()) {
            String key = subject("registration", reg.get().id(), v.session());
            if (rooms.bySubject(sessionId, key).filter(Participant::removed).isPresent()) {
              throw new ForbiddenException("live.removed");
            }
            Participant in =
                rooms.enter(sessionId, ParticipantKind.DELEGATE, key, shown, Passes.digest(pass));
            presence.profile(in.id(), reg.get().details().region(), reg.get().details().language());
            presence.seen(java.util.List.of(in.id()));
            return pass;
          }
          LiveRoom room = rooms.ensure(sessionId);
          if (joinKey == null
              || !java.security.MessageDigest.isEqual(
                  joinKey.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  room.joinKey().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new ForbiddenException("live.join.badKey");
          }
          Participant in =
              rooms.enter(sessionId, ParticipantKind.ROOM, null, shown, Passes.digest(pass));
          presence.seen(java.util.List.of(in.id()));
          return pass;
        });
  }

  private Optional<Registration> confirmed(Programme p, DelegatePrincipal d) {
    return registrations
        .findByEmail(p.id(), d.email())
        .filter(r -> r.status() == RegistrationStatus.CONFIRMED);
  }

  /**
   * Organisers of the programme, its speakers (programme role), and a speaker of this session whose
   * speaker record is linked to the account — that one moderates this session's room only.
   */
  private boolean isStaff(LecternUser user, Programme p, Session s) {
    return user != null
        && (programmes.canManage(user, p)
            || programmes.hasRole(user, p, ProgrammeRole.SPEAKER)
            || speakerAccounts.isAny(
                user,
                sessions.speakers(s.id()).stream()
                    .map(org.lectern.session.SessionSpeaker::speakerId)
                    .toList()));
  }

  /** A keyed digest naming one person in one room: the same person twice is one participant. */
  private String subject(String kind, UUID id, Session s) {
    return subject(cipher, s.id(), kind, id);
  }

  static String subject(PersonalDataCipher cipher, UUID sessionId, String kind, UUID id) {
    return cipher.blindIndex(sessionId + ":" + kind + ":" + id, "live.subject");
  }
}
