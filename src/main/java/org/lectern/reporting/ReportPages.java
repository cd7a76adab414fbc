package org.lectern.reporting;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.reference.Regions;
import org.lectern.reporting.PublishedReport.Table;
import org.lectern.reporting.ReportViews.Bar;
import org.lectern.reporting.ReportViews.IndicatorView;
import org.lectern.reporting.ReportViews.Labels;
import org.lectern.reporting.ReportViews.MapView;
import org.lectern.reporting.ReportViews.OutsideView;
import org.lectern.reporting.ReportViews.ReportPage;
import org.lectern.reporting.ReportViews.SessionView;
import org.lectern.reporting.ReportViews.TableView;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Builds the report page (and the PDF, which shows the same page) from a published report. */
@Component
record ReportPages(Regions regions) {

  ReportLabels labels(Ui ui) {
    return new ReportLabels(ui, regions);
  }

  ReportPage page(PublishedReport r, boolean organiser, String comparisonUrl, Ui ui) {
    var l = labels(ui);
    String base =
        r.funderView() && !organiser
            ? "/funder/programmes/" + r.programmeId()
            : "/admin/programmes/" + r.programmeId();
    List<Bar> funnel =
        bars(
            r.funnel().stream().map(s -> new PublishedReport.Row(s.key(), s.count())).toList(),
            "funnel",
            l);
    Table regionTable = r.table("region");
    var breakdowns =
        List.of("gender", "profession", "years", "language").stream()
            .map(d -> table(r.table(d), d, l))
            .toList();
    return new ReportPage(
        r.programmeId().toString(),
        r.title().show(ui.lang(), r.languages()),
        r.funderView(),
        organiser,
        base,
        funnel,
        map(regionTable, l, ui),
        table(regionTable, "region", l),
        outside(r, l, ui),
        breakdowns,
        sessions(r, l, ui),
        zoneNote(r, ui),
        r.attendanceRecorded(),
        r.completionRule() == null ? null : l.rule(r.completionRule(), false),
        ReportLearning.view(r, l),
        indicators(r, l),
        l.number(r.funnel().get(2).count()),
        comparisonUrl,
        null,
        r.isCoarsened());
  }

  MapView map(Table t, ReportLabels l, Ui ui) {
    return map(t, l, ui, 0);
  }

  /** With circles on a scale shared with other maps shown beside it (see RegionMap#markers). */
  MapView map(Table t, ReportLabels l, Ui ui, int scaleMax) {
    Map<String, Count> counts = new LinkedHashMap<>();
    t.rows().forEach(x -> counts.put(x.value(), x.count()));
    var markers = RegionMap.markers(regions, counts, ui.lang(), l::number, scaleMax);
    return new MapView(
        RegionMap.WIDTH,
        RegionMap.HEIGHT,
        markers,
        RegionMap.centres(regions),
        RegionMap.outlinePath(),
        new Labels("wide", RegionMap.LABEL_SIZE, RegionMap.labels(markers, RegionMap.LABEL_SIZE)),
        new Labels(
            "narrow",
            RegionMap.NARROW_LABEL_SIZE,
            RegionMap.labels(markers, RegionMap.NARROW_LABEL_SIZE)),
        l.plural("reporting.map.description", markers.size()));
  }

  private TableView table(Table t, String dim, ReportLabels l) {
    List<PublishedReport.Row> rows =
        t.rows().stream()
            .filter(x -> x.count().hidden() || x.count().value() > 0 || !"region".equals(dim))
            .toList();
    return new TableView(
        dim, l.heading(dim), bars(rows, dim, l), l.number(t.total()), t.withheld());
  }

  private static List<Bar> bars(List<PublishedReport.Row> rows, String dim, ReportLabels l) {
    int max =
        rows.stream()
            .filter(x -> x.count() != null && !x.count().hidden())
            .mapToInt(x -> x.count().value())
            .max()
            .orElse(0);
    List<Bar> out = new ArrayList<>();
    for (var x : rows) {
      Count c = x.count();
      int pct = c == null || c.hidden() || max == 0 ? 0 : (int) Math.round(100.0 * c.value() / max);
      out.add(new Bar(l.label(dim, x.value()), l.number(c), pct));
    }
    return out;
  }

  private OutsideView outside(PublishedReport r, ReportLabels l, Ui ui) {
    var o = r.outside();
    String main =
        String.join(", ", o.mainCentres().stream().map(c -> l.label("region", c)).toList());
    if (o.withheld()) {
      return new OutsideView(
          ui.t("reporting.hidden"), "—", main, true, ui.t("reporting.outside.withheld"));
    }
    String count = l.number(o.count());
    String share = l.share(o.share());
    return new OutsideView(
        count, share, main, false, ui.t("reporting.outside.sentence", count, share, main));
  }

  /** Which zone the session times are in, naming the programme's own. */
  private static String zoneNote(PublishedReport r, Ui ui) {
    ZoneId shown = ui.zoneOr(r.timeZone());
    java.time.Instant at =
        r.sessions().isEmpty() ? java.time.Instant.now() : r.sessions().get(0).startsAt();
    return shown.equals(r.timeZone())
        ? ui.t("reporting.zone.same", ui.zoneLabel(shown, at))
        : ui.t("reporting.zone.different", ui.zoneLabel(shown, at), ui.zoneLabel(r.timeZone(), at));
  }

  private static List<SessionView> sessions(PublishedReport r, ReportLabels l, Ui ui) {
    return r.sessions().stream()
        .map(
            s ->
                new SessionView(
                    s.title().show(ui.lang(), r.languages()),
                    ui.time().dateTime(s.startsAt(), ui.zoneOr(r.timeZone())),
                    l.label("mode", s.mode()),
                    s.present() == null ? l.noData() : l.number(s.present()),
                    s.online() == null ? l.noData() : l.number(s.online()),
                    s.room() == null ? l.noData() : l.number(s.room()),
                    s.tables() == null ? l.noData() : l.number(s.tables()),
                    s.byRecording() == null ? l.noData() : l.number(s.byRecording())))
        .toList();
  }

  List<IndicatorView> indicators(PublishedReport r, ReportLabels l) {
    return Indicators.fill(r, l).stream()
        .map(
            f ->
                new IndicatorView(
                    f.definition().level(),
                    f.definition().indicator(),
                    f.value() == null ? l.noData() : f.value(),
                    f.breakdown() == null ? "" : f.breakdown(),
                    f.definition().disaggregation(),
                    f.definition().means()))
        .toList();
  }
}
