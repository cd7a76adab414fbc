package org.lectern.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.Registration;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Service;

/**
 * Feedback surveys: one after each session (open from its start for {@link #SESSION_DAYS} days) and
 * one at the end (open with the post-test). Anonymous unless the organiser chose otherwise; then
 * the answer row holds no link to the delegate at all.
 */
@Service
record Surveys(
    ProgrammeService programmes,
    SessionService sessions,
    SurveyRepository surveys,
    QuestionBankRepository bank,
    PersonalDataCipher cipher,
    Clock clock,
    Transactions transactions) {

  static final int SESSION_DAYS = 14;

  /** Which survey: the session (null for the end of the programme), its key, its window. */
  record Target(Session session, UUID key, Instant from, Instant until) {

    boolean isFinal() {
      return session == null;
    }

    boolean open(Instant now) {
      return from != null && !now.isBefore(from) && now.isBefore(until);
    }
  }

  /** The survey of a session of the programme, or (sessionId null) the one at the end. */
  Target target(UUID programmeId, UUID sessionId) {
    List<Session> all = sessions.publishedOfProgramme(programmeId);
    if (sessionId == null) {
      Optional<Instant> last = all.stream().map(Session::endsAt).max(Comparator.naturalOrder());
      int days =
          bank.settings(programmeId)
              .map(TestSettings::postDays)
              .orElse(TestSettings.DEFAULT_POST_DAYS);
      return new Target(
          null,
          programmeId,
          last.orElse(null),
          last.map(l -> l.plus(Duration.ofDays(days))).orElse(null));
    }
    Session s =
        all.stream()
            .filter(x -> x.id().equals(sessionId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("learning.linkNotFound"));
    return new Target(s, s.id(), s.startsAt(), s.endsAt().plus(Duration.ofDays(SESSION_DAYS)));
  }

  List<Target> targets(UUID programmeId) {
    List<Target> out = new java.util.ArrayList<>();
    sessions.publishedOfProgramme(programmeId).forEach(s -> out.add(target(programmeId, s.id())));
    out.add(target(programmeId, null));
    return out;
  }

  boolean openFor(Registration r, Target t) {
    return t.open(clock.instant()) && !surveys.responded(r.programmeId(), t.key(), r.id());
  }

  SurveyPage page(
      Registration r,
      Target t,
      String action,
      Map<String, String> values,
      FormErrors errors,
      Ui ui) {
    Programme p = programmes.find(r.programmeId()).orElseThrow();
    var title = p.title().show(ui.lang(), p.languages());
    String about = t.isFinal() ? null : t.session().title().in(ui.lang(), p.languages());
    String state;
    String reason = null;
    if (surveys.responded(p.id(), t.key(), r.id())) {
      state = "done";
    } else if (t.open(clock.instant())) {
      state = "form";
    } else {
      state = "closed";
      reason =
          ui.t(
              t.from() == null || clock.instant().isBefore(t.from())
                  ? "learning.survey.notYet"
                  : "learning.survey.closed");
    }
    return new SurveyPage(
        title.text(),
        title.lang(),
        about,
        state,
        action,
        reason,
        surveys.anonymous(p.id()),
        !t.isFinal(),
        values,
        errors);
  }

  /**
   * Stores one answer. Refused, storing nothing, outside the window, with bad ratings, or when the
   * delegate has answered already (also when two submits race: the responded row decides).
   */
  void submit(Registration r, Target t, Map<String, String> form) {
    transactions.run(
        () -> {
          if (!t.open(clock.instant())) {
            throw new ConflictException(
                t.from() == null || clock.instant().isBefore(t.from())
                    ? "learning.survey.notYet"
                    : "learning.survey.closed");
          }
          SurveyForm answer = SurveyForm.parse(form, !t.isFinal());
          if (!surveys.markResponded(r.programmeId(), t.key(), r.id())) {
            throw new ConflictException("learning.survey.already");
          }
          boolean anonymous = surveys.anonymous(r.programmeId());
          surveys.insert(
              r.programmeId(),
              t.key(),
              t.isFinal(),
              anonymous ? null : r.id(),
              answer,
              cipher
                  .forProgramme(r.programmeId())
                  .encrypt(answer.comment(), SurveyRepository.COMMENT),
              LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        });
  }
}
