package org.lectern.reporting;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.OrganisationService;
import org.lectern.reference.Region;
import org.lectern.reference.Regions;
import org.lectern.reporting.ReportViews.CentreOption;
import org.lectern.reporting.ReportViews.CentresPage;
import org.lectern.reporting.ReportViews.ComparisonPage;
import org.lectern.reporting.ReportViews.ComparisonRow;
import org.lectern.session.Session;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormData;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Organisation-wide reporting: comparison across programmes and the main legal centres. */
@Controller
record OrganisationReportController(
    Comparison comparison, ReportPages pages, OrganisationService organisations, Regions regions) {

  @GetMapping("/admin/organisations/{id}/comparison")
  String comparison(
      @PathVariable UUID id, @AuthenticationPrincipal LecternUser actor, Ui ui, Model model) {
    var result = comparison.of(actor, id);
    var l = pages.labels(ui);
    // One scale for all the maps: a circle of 24 is as big in 2019 as in 2021.
    int scaleMax =
        result.entries().stream()
            .flatMap(e -> e.regions().entrySet().stream())
            .filter(e -> e.getKey().startsWith("KZ-"))
            .mapToInt(java.util.Map.Entry::getValue)
            .max()
            .orElse(0);
    List<ComparisonRow> rows =
        result.entries().stream()
            .map(
                e -> {
                  Map<String, Count> counts = new LinkedHashMap<>();
                  e.regions().forEach((k, v) -> counts.put(k, Count.of(v)));
                  var table =
                      new PublishedReport.Table(
                          "region",
                          counts.entrySet().stream()
                              .map(x -> new PublishedReport.Row(x.getKey(), x.getValue()))
                              .toList(),
                          Count.of(e.delegates()),
                          false);
                  return new ComparisonRow(
                      e.programme().id().toString(),
                      e.programme().title().show(ui.lang(), e.programme().languages()),
                      period(e.sessions(), e.programme().timeZone(), ui),
                      l.label("mode", e.mode()),
                      ui.number(e.registrations()),
                      ui.number(e.delegates()),
                      l.plural("reporting.comparison.regions", e.regionsReached()),
                      ui.number(e.outside()),
                      l.share(e.delegates() == 0 ? null : e.share()),
                      (int) Math.round(100 * e.share()),
                      described(pages.map(table, l, ui, scaleMax), ui));
                })
            .toList();
    model.addAttribute(
        "page",
        new ComparisonPage(
            id.toString(), result.organisation().name().show(ui.lang(), List.of()).text(), rows));
    return "reporting/comparison";
  }

  private static String period(List<Session> sessions, ZoneId zone, Ui ui) {
    var first = sessions.stream().map(Session::startsAt).min(java.util.Comparator.naturalOrder());
    var last = sessions.stream().map(Session::endsAt).max(java.util.Comparator.naturalOrder());
    if (first.isEmpty()) {
      return "—";
    }
    return ui.time().date(first.get(), zone) + " – " + ui.time().date(last.get(), zone);
  }

  @GetMapping("/admin/organisations/{id}/main-centres")
  String centres(
      @PathVariable UUID id,
      @RequestParam(required = false) String saved,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    var o = comparison.manageable(actor, id);
    model.addAttribute(
        "page",
        centresPage(
            id,
            o.name().show(ui.lang(), List.of()).text(),
            o.mainCentres(),
            FormErrors.none(),
            saved != null,
            ui));
    return "reporting/centres";
  }

  @PostMapping("/admin/organisations/{id}/main-centres")
  String saveCentres(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> body,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    var o = comparison.manageable(actor, id);
    List<String> chosen = new FormData(body).all("centre");
    var problems = new InvalidInputException.Collector();
    problems.check(!chosen.isEmpty() && chosen.size() <= 10, "centre", "reporting.centres.count");
    problems.check(
        chosen.stream().allMatch(c -> regions.find(c).isPresent()), "centre", "validation.choice");
    try {
      problems.throwIfAny();
    } catch (InvalidInputException e) {
      model.addAttribute(
          "page",
          centresPage(
              id,
              o.name().show(ui.lang(), List.of()).text(),
              chosen,
              FormErrors.of(e, ui),
              false,
              ui));
      return "reporting/centres";
    }
    organisations.setMainCentres(id, chosen);
    return "redirect:/admin/organisations/" + id + "/main-centres?saved";
  }

  private CentresPage centresPage(
      UUID id, String name, List<String> chosen, FormErrors errors, boolean saved, Ui ui) {
    List<CentreOption> options =
        regions.all().stream()
            .sorted(
                java.util.Comparator.comparing(
                    (Region r) -> r.name(ui.lang()),
                    com.ibm.icu.text.Collator.getInstance(new com.ibm.icu.util.ULocale(ui.lang()))
                        ::compare))
            .map(r -> new CentreOption(r.code(), r.name(ui.lang()), chosen.contains(r.code())))
            .toList();
    return new CentresPage(id.toString(), name, options, errors, saved);
  }

  /** The comparison has no region table: the map's text alternative lists its figures. */
  private static ReportViews.MapView described(ReportViews.MapView map, Ui ui) {
    String figures =
        map.markers().stream()
            .map(ReportViews.Marker::label)
            .collect(java.util.stream.Collectors.joining("; "));
    return map.describedAs(
        figures.isEmpty()
            ? ui.t("reporting.map.noneDescription")
            : ui.t("reporting.map.figuresDescription", figures));
  }
}
