package org.lectern.learning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Service;

/**
 * Feedback results for the results page: per survey the number of answers, and only from {@link
 * #MIN_ANSWERS} answers on the ratings and comments (fewer could point at a person). Showing
 * comments is audited.
 */
@Service
record SurveyResults(
    Surveys surveys,
    SurveyRepository answers,
    PersonalDataCipher cipher,
    AuditLog audit,
    QuestionBank bank,
    Clock clock,
    Transactions transactions) {

  static final int MIN_ANSWERS = 5;

  List<SurveyRow> of(LecternUser actor, Programme p, Ui ui) {
    return transactions.result(
        () -> {
          Map<UUID, SurveyRepository.Summary> byKey = new HashMap<>();
          answers.summaries(p.id()).forEach(s -> byKey.put(s.key(), s));
          List<SurveyRow> rows = new ArrayList<>();
          int shown = 0;
          for (var t : surveys.targets(p.id())) {
            var s = byKey.get(t.key());
            String name =
                t.isFinal()
                    ? ui.t("learning.survey.finalName")
                    : t.session().title().in(ui.lang(), p.languages());
            if (s == null || s.answers() < MIN_ANSWERS) {
              rows.add(
                  new SurveyRow(
                      name, s == null ? 0 : s.answers(), null, null, null, null, null, List.of()));
              continue;
            }
            List<String> comments =
                answers.comments(p.id(), t.key()).stream()
                    .map(c -> cipher.decrypt(c, SurveyRepository.COMMENT))
                    .toList();
            shown += comments.size();
            rows.add(
                new SurveyRow(
                    name,
                    s.answers(),
                    mean(s.satisfaction()),
                    mean(s.relevance()),
                    s.speaker() == null ? null : mean(s.speaker()),
                    LearningPages.ratio(s.satisfied(), s.answers(), ui),
                    LearningPages.ratio(s.relevant(), s.answers(), ui),
                    comments));
          }
          if (shown > 0) {
            audit.record(
                new AuditLog.Record(
                    actor.id(),
                    actor.fullName(),
                    "learning.feedbackListed",
                    p.organisationId(),
                    "programme",
                    p.id().toString(),
                    shown,
                    null));
          }
          return rows;
        });
  }

  boolean anonymous(UUID programmeId) {
    return answers.anonymous(programmeId);
  }

  /** Anonymous or not; fixed once anyone has answered, so nobody's answer changes its nature. */
  void setAnonymous(LecternUser actor, UUID programmeId, boolean anonymous) {
    transactions.run(
        () -> {
          var b = bank.of(actor, programmeId);
          if (answers.any(b.programme().id())) {
            throw new ConflictException("learning.survey.frozen");
          }
          answers.setAnonymous(b.programme().id(), anonymous, clock.instant());
        });
  }

  private static String mean(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
