package org.lectern.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;

/** Builds the learning pages' records from the services' results. */
final class LearningPages {

  private LearningPages() {}

  /** Questions as listed to the organiser: wording per language, options, right answers. */
  static List<BankPage.QuestionRow> rows(List<Question> questions, List<String> languages, Ui ui) {
    List<BankPage.QuestionRow> rows = new ArrayList<>();
    int n = 1;
    for (Question q : questions) {
      List<BankPage.Version> versions = new ArrayList<>();
      for (String lang : languages) {
        List<String> options =
            q.kind() == QuestionKind.TRUE_FALSE
                ? List.of(ui.t("learning.true"), ui.t("learning.false"))
                : q.options().getOrDefault(lang, List.of());
        String x = q.explanation().get(lang);
        versions.add(
            new BankPage.Version(lang, q.body().get(lang), options, x.isEmpty() ? null : x));
      }
      rows.add(
          new BankPage.QuestionRow(
              q.id(),
              n++,
              ui.t("learning.kind." + q.kind().name()),
              versions,
              q.correct().stream().map(String::valueOf).collect(Collectors.joining(", "))));
    }
    return rows;
  }

  static BankPage bank(
      QuestionBank.Bank b,
      Map<String, String> values,
      FormErrors errors,
      FormErrors settingsErrors,
      String notice,
      Ui ui) {
    var p = b.programme();
    List<BankPage.QuestionRow> rows = rows(b.questions(), p.languages(), ui);
    return new BankPage(
        p.id(),
        p.title(ui.lang()),
        p.languages(),
        b.settings().passMark(),
        b.settings().postDays(),
        b.settings().opened(),
        b.answered(),
        rows,
        values,
        errors,
        settingsErrors,
        notice == null ? null : ui.t(notice),
        null,
        null);
  }

  static ResultsPage results(TestResults.Results r, Ui ui, boolean canManage) {
    var p = r.programme();
    List<ResultsPage.Row> rows =
        r.delegates().stream()
            .map(
                d ->
                    new ResultsPage.Row(
                        d.name(),
                        percent(d.pre(), ui),
                        percent(d.post(), ui),
                        d.gain() == null ? "–" : (d.gain() > 0 ? "+" : "") + d.gain(),
                        d.passed() == null
                            ? "–"
                            : ui.t(d.passed() ? "learning.passed.yes" : "learning.passed.no")))
            .toList();
    List<ResultsPage.QuestionRow> questions = new ArrayList<>();
    int n = 1;
    for (var q : r.questions()) {
      var text = q.question().body().show(ui.lang(), p.languages());
      questions.add(
          new ResultsPage.QuestionRow(
              n++,
              text.text(),
              text.lang(),
              share(q.preRight(), q.preN(), ui),
              share(q.postRight(), q.postN(), ui)));
    }
    return new ResultsPage(
        p.id(),
        p.title(ui.lang()),
        canManage,
        r.passMark(),
        r.preTested(),
        r.postTested(),
        r.paired(),
        r.meanPre() == null ? "–" : percent(Math.round(r.meanPre()), ui),
        r.meanPost() == null ? "–" : percent(Math.round(r.meanPost()), ui),
        ratio(r.improved(), r.paired(), ui),
        ratio(r.passed(), r.postTested(), ui),
        rows,
        questions);
  }

  private static String percent(Long v, Ui ui) {
    return v == null ? "–" : ui.t("learning.percent", v);
  }

  private static String share(Long v, int n, Ui ui) {
    return v == null ? "–" : ui.t("learning.percentOf", v, n);
  }

  static String ratio(int part, int whole, Ui ui) {
    if (whole == 0) {
      return "–";
    }
    return ui.t("learning.ratio", part, whole, Math.round(100.0 * part / whole));
  }
}
