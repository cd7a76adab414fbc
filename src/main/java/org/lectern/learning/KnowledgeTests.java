package org.lectern.learning;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.Registration;
import org.lectern.registration.RegistrationService;
import org.lectern.registration.RegistrationStatus;
import org.lectern.session.SessionService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Service;

/**
 * The delegate's side of the knowledge test, reached through their personal link: the questions in
 * an order shuffled per delegate, one attempt of each kind, and the result with explanations.
 */
@Service
record KnowledgeTests(
    RegistrationService registrations,
    ProgrammeService programmes,
    SessionService sessions,
    QuestionBankRepository bank,
    AttemptRepository attempts,
    Clock clock,
    Transactions transactions) {

  /** The delegate behind a personal link; 404 for a wrong token or a registration not confirmed. */
  Registration delegate(String registrationId, String token) {
    UUID id;
    try {
      id = UUID.fromString(registrationId);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("learning.linkNotFound");
    }
    if (!registrations.validAccessToken(id, token)) {
      throw new NotFoundException("learning.linkNotFound");
    }
    return registrations
        .find(id)
        .filter(r -> r.status() == RegistrationStatus.CONFIRMED)
        .orElseThrow(() -> new NotFoundException("learning.linkNotFound"));
  }

  TestPage page(Registration r, TestKind kind, String action, Ui ui) {
    return page(r, kind, action, Map.of(), FormErrors.none(), ui);
  }

  private TestPage page(
      Registration r,
      TestKind kind,
      String action,
      Map<String, String> values,
      FormErrors errors,
      Ui ui) {
    Programme p = programmes.find(r.programmeId()).orElseThrow();
    var title = p.title().show(ui.lang(), p.languages());
    TestSettings s = bank.settings(p.id()).orElse(TestSettings.defaults(p.id()));
    List<Question> questions = bank.questions(p.id());
    Optional<AttemptRepository.Attempt> done = attempts.find(p.id(), r.id(), kind);
    TestWindow w = TestWindow.of(kind, s, sessions.ofProgramme(p.id()), clock.instant());
    String window = window(w, p.timeZone(), ui);
    if (done.isPresent()) {
      var a = done.get();
      Map<UUID, List<Integer>> chosen = attempts.answers(a.id());
      List<TestPage.QuestionView> views = new ArrayList<>();
      for (Question q : order(questions, r.id(), kind)) {
        Set<Integer> c = new HashSet<>(chosen.getOrDefault(q.id(), List.of()));
        views.add(view(q, p, ui, c, true, chosen.containsKey(q.id()) ? q.isRight(c) : null));
      }
      var result =
          new TestPage.Result(
              a.score(), a.maxScore(), Math.round(a.percent()), a.passed(), s.passMark());
      return new TestPage(
          title.text(),
          title.lang(),
          kind.slug(),
          "done",
          action,
          null,
          window,
          views,
          errors,
          result);
    }
    if (!w.open() || questions.isEmpty()) {
      String reason = ui.t(questions.isEmpty() ? "learning.window.notOpened" : w.reason());
      return new TestPage(
          title.text(),
          title.lang(),
          kind.slug(),
          "closed",
          action,
          reason,
          window,
          List.of(),
          errors,
          null);
    }
    List<TestPage.QuestionView> views = new ArrayList<>();
    for (Question q : order(questions, r.id(), kind)) {
      Set<Integer> c = chosen(values.get("q." + q.id()), values.get("q." + q.id() + ".all"));
      views.add(view(q, p, ui, c, false, null));
    }
    return new TestPage(
        title.text(), title.lang(), kind.slug(), "form", action, null, window, views, errors, null);
  }

  /**
   * Stores the delegate's answers as one attempt. Refused, storing nothing, when the window is
   * closed or an answer is missing; a second submit (also one racing the first) stores nothing.
   */
  TestPage submit(Registration r, TestKind kind, String action, Map<String, String> form, Ui ui) {
    return transactions.result(
        () -> {
          Programme p = programmes.find(r.programmeId()).orElseThrow();
          TestSettings s = bank.settings(p.id()).orElse(TestSettings.defaults(p.id()));
          List<Question> questions = bank.questions(p.id());
          TestWindow w = TestWindow.of(kind, s, sessions.ofProgramme(p.id()), clock.instant());
          if (attempts.find(p.id(), r.id(), kind).isPresent()) {
            throw new ConflictException("learning.alreadyAnswered");
          }
          if (!w.open() || questions.isEmpty()) {
            throw new ConflictException(
                questions.isEmpty() ? "learning.window.notOpened" : w.reason());
          }
          var errors = new InvalidInputException.Collector();
          List<Set<Integer>> answers = new ArrayList<>();
          for (Question q : questions) {
            String field = "q." + q.id();
            Set<Integer> c = chosen(form.get(field), form.get(field + ".all"));
            if (c == null || c.isEmpty()) {
              errors.add(field, "learning.answer.required");
            } else if (c.stream().anyMatch(n -> n < 1 || n > q.optionCount())
                || (q.kind().oneAnswer() && c.size() > 1)) {
              errors.add(field, "learning.answer.invalid");
            }
            answers.add(c);
          }
          try {
            errors.throwIfAny();
          } catch (InvalidInputException e) {
            return page(r, kind, action, form, FormErrors.of(e, ui), ui);
          }
          int score = 0;
          for (int i = 0; i < questions.size(); i++) {
            score += questions.get(i).isRight(answers.get(i)) ? 1 : 0;
          }
          int max = questions.size();
          Optional<UUID> attempt =
              attempts.insert(
                  p.id(), r.id(), kind, score, max, s.passes(score, max), clock.instant());
          if (attempt.isEmpty()) {
            throw new ConflictException("learning.alreadyAnswered");
          }
          for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            attempts.answer(attempt.get(), q.id(), answers.get(i), q.isRight(answers.get(i)));
          }
          return null;
        });
  }

  /**
   * The chosen option numbers: {@code single} for one-answer questions; for multiple choice the
   * checkbox values, joined by commas by the form reader. Null when something else was posted.
   */
  static Set<Integer> chosen(String single, String all) {
    String raw = all != null ? all : single;
    if (raw == null || raw.isBlank()) {
      return Set.of();
    }
    Set<Integer> out = new HashSet<>();
    for (String part : raw.split(",")) {
      if (!part.strip().matches("\\d{1,2}")) {
        return null;
      }
      out.add(Integer.parseInt(part.strip()));
    }
    return out;
  }

  /** The same shuffled order every time this delegate opens this test. */
  static List<Question> order(List<Question> questions, UUID registrationId, TestKind kind) {
    List<Question> out = new ArrayList<>(questions);
    Collections.shuffle(out, new Random(seed(registrationId, kind)));
    return out;
  }

  private static long seed(UUID registrationId, TestKind kind) {
    return registrationId.getMostSignificantBits()
        ^ registrationId.getLeastSignificantBits()
        ^ (kind.ordinal() + 1L) * 0x9E3779B97F4A7C15L;
  }

  static TestPage.QuestionView view(
      Question q, Programme p, Ui ui, Set<Integer> chosen, boolean reveal, Boolean right) {
    var body = q.body().show(ui.lang(), p.languages());
    List<String> labels =
        q.kind() == QuestionKind.TRUE_FALSE
            ? List.of(ui.t("learning.true"), ui.t("learning.false"))
            : q.optionsIn(body.lang(), p.languages());
    List<TestPage.OptionView> options = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      int n = i + 1;
      options.add(
          new TestPage.OptionView(
              n,
              labels.get(i),
              chosen != null && chosen.contains(n),
              reveal && q.correct().contains(n)));
    }
    if (q.kind() != QuestionKind.TRUE_FALSE) {
      Collections.shuffle(options, new Random(q.id().getLeastSignificantBits()));
    }
    String explanation = reveal ? q.explanation().in(body.lang(), p.languages()) : null;
    return new TestPage.QuestionView(
        "q." + q.id(),
        body.text(),
        body.lang(),
        q.kind() == QuestionKind.MULTIPLE,
        options,
        explanation == null || explanation.isEmpty() ? null : explanation,
        right);
  }

  private static String window(TestWindow w, ZoneId home, Ui ui) {
    if (w.until() == null) {
      return null;
    }
    ZoneId viewer = ui.zoneOr(home);
    String until =
        ui.time().dateTime(w.until(), viewer) + " (" + ui.zoneLabel(viewer, w.until()) + ")";
    if (!viewer.equals(home)) {
      until +=
          "; " + ui.time().dateTime(w.until(), home) + " (" + ui.zoneLabel(home, w.until()) + ")";
    }
    if (w.from() == null) {
      return ui.t("learning.window.until", until);
    }
    String from =
        ui.time().dateTime(w.from(), viewer) + " (" + ui.zoneLabel(viewer, w.from()) + ")";
    return ui.t("learning.window.between", from, until);
  }
}
