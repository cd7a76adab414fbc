package org.lectern.learning;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.Registration;
import org.lectern.registration.RegistrationService;
import org.lectern.registration.RegistrationStatus;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Recordings of sessions and the catch-up quiz: the organiser sets the link, window, access and
 * questions; a delegate opens their personal link (each opening noted, so a shared link shows) and
 * passes the quiz to earn credit for a missed session.
 */
@Service
record Recordings(
    ProgrammeService programmes,
    SessionService sessions,
    RegistrationService registrations,
    RecordingRepository repository,
    PersonalDataCipher cipher,
    Clock clock,
    @Value("${lectern.base-url}") String baseUrl,
    Transactions transactions) {

  /** The part of the keyed digest used as a token: 128 bits. */
  private static final int TOKEN_HEX = 32;

  /** Per cent of the quiz's questions to answer right. */
  static final int PASS_PERCENT = 70;

  /** A session the actor manages, and its programme. */
  record Managed(Programme programme, Session session) {}

  Managed managed(LecternUser actor, UUID sessionId) {
    Session s = sessions.manageable(actor, sessionId);
    return new Managed(programmes.manageable(actor, s.programmeId()), s);
  }

  Optional<Recording> of(UUID sessionId) {
    return repository.find(sessionId);
  }

  List<Question> questions(Managed m) {
    return repository.questions(m.programme().id(), m.session().id());
  }

  boolean frozen(UUID sessionId) {
    return repository.anyAttempt(sessionId);
  }

  Map<UUID, Integer> sharedLinks(UUID sessionId) {
    return repository.sharedLinks(sessionId);
  }

  void save(LecternUser actor, UUID sessionId, Map<String, String> form) {
    transactions.run(
        () -> {
          Managed m = managed(actor, sessionId);
          RecordingForm f = RecordingForm.parse(form, m.programme().timeZone());
          repository.save(m.programme().id(), m.session().id(), f, clock.instant());
        });
  }

  /** A quiz question in every language of the programme; frozen once anyone has attempted. */
  void addQuestion(LecternUser actor, UUID sessionId, Map<String, String> form) {
    transactions.run(
        () -> {
          Managed m = managed(actor, sessionId);
          if (repository.find(sessionId).isEmpty()) {
            throw new ConflictException("learning.recording.first");
          }
          if (repository.anyAttempt(sessionId)) {
            throw new ConflictException("learning.recording.frozen");
          }
          QuestionForm q = QuestionForm.parse(form, m.programme().languages());
          repository.addQuestion(m.programme().id(), sessionId, q, clock.instant());
        });
  }

  void deleteQuestion(LecternUser actor, UUID sessionId, UUID questionId) {
    transactions.run(
        () -> {
          managed(actor, sessionId);
          if (repository.anyAttempt(sessionId)) {
            throw new ConflictException("learning.recording.frozen");
          }
          if (!repository.deleteQuestion(sessionId, questionId)) {
            throw new NotFoundException("learning.questionNotFound");
          }
        });
  }

  /** The delegate's personal link to a recording page (absolute, for My trainings and e-mail). */
  String linkFor(UUID registrationId, UUID sessionId) {
    String digest = cipher.blindIndex(registrationId + ":" + sessionId, "learning.recording");
    String token = digest.substring(digest.length() - TOKEN_HEX);
    repository.rememberLink(Sha256.hex(token), registrationId, sessionId, clock.instant());
    return baseUrl + "/learning/r/" + token;
  }

  /** The delegate and session behind a token; the registration must still be confirmed. */
  record Viewer(Registration registration, Session session, Programme programme) {}

  Viewer resolve(String token) {
    if (token == null || !token.matches("[0-9a-f]{" + TOKEN_HEX + "}")) {
      throw new NotFoundException("learning.linkNotFound");
    }
    var link =
        repository
            .resolve(Sha256.hex(token))
            .orElseThrow(() -> new NotFoundException("learning.linkNotFound"));
    Registration r =
        registrations
            .find(link.registrationId())
            .filter(x -> x.status() == RegistrationStatus.CONFIRMED)
            .orElseThrow(() -> new NotFoundException("learning.linkNotFound"));
    Session s =
        sessions.publishedOfProgramme(r.programmeId()).stream()
            .filter(x -> x.id().equals(link.sessionId()))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("learning.linkNotFound"));
    return new Viewer(r, s, programmes.find(r.programmeId()).orElseThrow());
  }

  /**
   * Why the viewer may not watch now (a message key), or null: outside the window, or access only
   * for those who attended and they did not.
   */
  String refusal(Viewer v, Optional<Recording> rec, Instant now) {
    if (rec.isEmpty()) {
      return "learning.recording.none";
    }
    if (now.isBefore(rec.get().availableFrom())) {
      return "learning.recording.notYet";
    }
    if (!rec.get().available(now)) {
      return "learning.recording.over";
    }
    if (rec.get().access() == RecordingAccess.ATTENDED
        && !repository.attended(v.registration().id(), v.session().id())) {
      return "learning.recording.attendedOnly";
    }
    return null;
  }

  void noteView(Viewer v, String agentHash, String addressHash) {
    repository.view(
        v.session().id(), v.registration().id(), clock.instant(), agentHash, addressHash);
  }

  Optional<RecordingRepository.Attempt> attempt(Viewer v) {
    return repository.attempt(v.session().id(), v.registration().id());
  }

  /**
   * Marks the quiz. Refused, storing nothing, outside the window, without questions, with an
   * unanswered question, or once passed (also for the second of two submits at once).
   */
  RecordingRepository.Attempt submit(Viewer v, Map<String, List<String>> answers) {
    return transactions.result(
        () -> {
          Instant now = clock.instant();
          var rec = repository.find(v.session().id());
          String refused = refusal(v, rec, now);
          if (refused != null) {
            throw new ConflictException(refused);
          }
          List<Question> questions = repository.questions(v.programme().id(), v.session().id());
          if (questions.isEmpty()) {
            throw new ConflictException("learning.recording.noQuiz");
          }
          var errors = new InvalidInputException.Collector();
          int right = 0;
          for (Question q : questions) {
            Set<Integer> chosen = new HashSet<>();
            for (String a : answers.getOrDefault("q." + q.id(), List.of())) {
              if (a.matches("\\d{1,2}")) {
                int n = Integer.parseInt(a);
                if (n >= 1 && n <= q.optionCount()) {
                  chosen.add(n);
                }
              }
            }
            errors.check(!chosen.isEmpty(), "q." + q.id(), "learning.answer.required");
            if (q.isRight(chosen)) {
              right++;
            }
          }
          errors.throwIfAny();
          var attempt =
              new RecordingRepository.Attempt(
                  right, questions.size(), right * 100 >= PASS_PERCENT * questions.size());
          if (!repository.storeAttempt(
              v.programme().id(), v.session().id(), v.registration().id(), attempt, now)) {
            throw new ConflictException("learning.recording.alreadyPassed");
          }
          return attempt;
        });
  }

  boolean passed(UUID registrationId, UUID sessionId) {
    return repository.attempt(sessionId, registrationId).map(a -> a.passed()).orElse(false);
  }

  /** Sessions of the programme with a recording available to this delegate now. */
  List<Recording> availableTo(Registration r) {
    Instant now = clock.instant();
    return repository.ofProgramme(r.programmeId()).stream()
        .filter(x -> x.available(now))
        .filter(
            x ->
                x.access() != RecordingAccess.ATTENDED
                    || repository.attended(r.id(), x.sessionId()))
        .toList();
  }
}
