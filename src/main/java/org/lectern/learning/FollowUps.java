package org.lectern.learning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.Registration;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Service;

/**
 * The follow-up survey months after the programme (Kirkpatrick level 3): its window, the delegate's
 * page and answer, the organiser's delay and the results. Anonymous when the programme's feedback
 * is anonymous.
 */
@Service
record FollowUps(
    ProgrammeService programmes,
    SessionService sessions,
    FollowUpRepository repository,
    SurveyRepository surveys,
    PersonalDataCipher cipher,
    AuditLog audit,
    Clock clock,
    Transactions transactions) {

  /** The window of a programme with published sessions; empty without any. */
  Optional<FollowUpWindow> window(Programme p) {
    return sessions.publishedOfProgramme(p.id()).stream()
        .map(Session::endsAt)
        .max(Comparator.naturalOrder())
        .map(last -> FollowUpWindow.after(last, repository.months(p.id()), p.timeZone()));
  }

  boolean openFor(Registration r) {
    Programme p = programmes.find(r.programmeId()).orElseThrow();
    return window(p).map(w -> w.open(clock.instant())).orElse(false)
        && !repository.responded(p.id(), r.id());
  }

  FollowUpPage page(
      Registration r, String action, Map<String, String> values, FormErrors errors, Ui ui) {
    Programme p = programmes.find(r.programmeId()).orElseThrow();
    var title = p.title().show(ui.lang(), p.languages());
    Instant now = clock.instant();
    var w = window(p);
    String state;
    String reason = null;
    if (repository.responded(p.id(), r.id())) {
      state = "done";
    } else if (w.isPresent() && w.get().open(now)) {
      state = "form";
    } else {
      state = "closed";
      reason = ui.t(reason(w, now));
    }
    return new FollowUpPage(
        title.text(),
        title.lang(),
        state,
        action,
        reason,
        surveys.anonymous(p.id()),
        values,
        errors);
  }

  /**
   * Stores one answer; refused, storing nothing, outside the window, with a missing answer, or when
   * the delegate has answered already (the responded row decides a race of two submits).
   */
  void submit(Registration r, Map<String, String> form) {
    transactions.run(
        () -> {
          Programme p = programmes.find(r.programmeId()).orElseThrow();
          Instant now = clock.instant();
          var w = window(p);
          if (w.isEmpty() || !w.get().open(now)) {
            throw new ConflictException(reason(w, now));
          }
          FollowUpForm answer = FollowUpForm.parse(form);
          if (!repository.markResponded(p.id(), r.id())) {
            throw new ConflictException("learning.followUp.already");
          }
          repository.insert(
              p.id(),
              surveys.anonymous(p.id()) ? null : r.id(),
              answer,
              answer.example() == null
                  ? null
                  : cipher
                      .forProgramme(p.id())
                      .encrypt(answer.example(), FollowUpRepository.EXAMPLE),
              LocalDate.ofInstant(now, ZoneOffset.UTC));
        });
  }

  private static String reason(Optional<FollowUpWindow> w, Instant now) {
    return w.isEmpty() || w.get().notYet(now)
        ? "learning.followUp.notYet"
        : "learning.followUp.closed";
  }

  int months(UUID programmeId) {
    return repository.months(programmeId);
  }

  /** The delay in months (1 to 24); fixed once invitations have gone out. */
  void setMonths(LecternUser actor, UUID programmeId, String months) {
    transactions.run(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          String m = months == null ? "" : months.strip();
          if (!m.matches("\\d{1,2}") || Integer.parseInt(m) < 1 || Integer.parseInt(m) > 24) {
            new InvalidInputException.Collector()
                .add("months", "learning.followUp.months.invalid")
                .throwIfAny();
          }
          if (repository.anyInvited(p.id())) {
            throw new ConflictException("learning.followUp.frozen");
          }
          repository.setMonths(p.id(), Integer.parseInt(m), clock.instant());
        });
  }

  /** Results for the organiser: figures, the window, and examples from five answers (audited). */
  FollowUpResults results(LecternUser actor, Programme p, Ui ui) {
    return transactions.result(
        () -> {
          var s = repository.summary(p.id());
          boolean shown = s.answers() >= SurveyResults.MIN_ANSWERS;
          List<String> examples =
              shown
                  ? repository.examples(p.id()).stream()
                      .map(e -> cipher.decrypt(e, FollowUpRepository.EXAMPLE))
                      .toList()
                  : List.of();
          if (!examples.isEmpty()) {
            audit.record(
                new AuditLog.Record(
                    actor.id(),
                    actor.fullName(),
                    "learning.followUpListed",
                    p.organisationId(),
                    "programme",
                    p.id().toString(),
                    examples.size(),
                    null));
          }
          String opens =
              window(p)
                  .map(
                      w ->
                          ui.time().date(w.opens(), ui.zoneOr(p.timeZone()))
                              + " ("
                              + ui.zoneLabel(ui.zoneOr(p.timeZone()), w.opens())
                              + ")")
                  .orElse(null);
          return new FollowUpResults(
              repository.months(p.id()),
              opens,
              s.invited(),
              s.answers(),
              shown ? s.usedInPractice() : 0,
              shown ? s.cited() : 0,
              shown,
              examples);
        });
  }
}
