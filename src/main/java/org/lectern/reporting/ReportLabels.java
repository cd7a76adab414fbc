package org.lectern.reporting;

import org.lectern.reference.Regions;
import org.lectern.registration.Vocabulary;
import org.lectern.shared.web.Ui;

/** The words of a report in the reader's language: categories, headings and counts. */
final class ReportLabels implements Indicators.Labels {

  private final Ui ui;
  private final Regions regions;

  ReportLabels(Ui ui, Regions regions) {
    this.ui = ui;
    this.regions = regions;
  }

  @Override
  public String label(String dimension, String value) {
    if (ReportQueries.UNKNOWN.equals(value)) {
      return ui.t("reporting.unknown");
    }
    return switch (dimension) {
      case "region" ->
          Regions.OTHER.equals(value)
              ? ui.t("reporting.region.OTHER")
              : regions.find(value).map(r -> r.name(ui.lang())).orElse(value);
      case "gender" -> known(Vocabulary.GENDERS, value, "registration.gender.");
      case "profession" -> known(Vocabulary.PROFESSIONS, value, "registration.profession.");
      case "years" -> known(Vocabulary.YEARS_BANDS, value, "registration.years.");
      case "language" -> known(Vocabulary.LANGUAGES, value, "language.");
      case "status" -> ui.t("registration.status." + value);
      case "mode" -> ui.t("reporting.mode." + value);
      case "article" -> ui.t("reporting.article", value);
      case "funnel" -> ui.t("reporting.funnel." + value);
      default -> value;
    };
  }

  private String known(java.util.List<String> vocabulary, String value, String prefix) {
    return vocabulary.contains(value) ? ui.t(prefix + value) : value;
  }

  /** The note of a snapshot whose suppression fell back to hiding whole groups (ADR 0017). */
  public String coarsened() {
    return ui.t("reporting.coarsened");
  }

  @Override
  public String heading(String dimension) {
    return ui.t("reporting.dim." + dimension);
  }

  @Override
  public String rule(AttendanceSummary.Rule rule, boolean short_) {
    return ui.t(
        short_ ? "reporting.completionRule.short" : "reporting.completionRule",
        rule.minPercent(),
        rule.sessionsRequired(),
        rule.sessions());
  }

  @Override
  public String noData() {
    return ui.t("reporting.noData");
  }

  @Override
  public String number(Count c) {
    return c == null
        ? ui.t("reporting.noData")
        : c.hidden()
            ? (Count.SMALL.equals(c.marker()) ? Count.SMALL : ui.t("reporting.hidden"))
            : ui.number(c.value());
  }

  String share(Double share) {
    return share == null
        ? "—"
        : java.text.NumberFormat.getPercentInstance(ui.locale()).format(share);
  }

  String plural(String key, long n) {
    return new com.ibm.icu.text.MessageFormat(
            ui.t(key), com.ibm.icu.util.ULocale.forLocale(ui.locale()))
        .format(new Object[] {n});
  }
}
