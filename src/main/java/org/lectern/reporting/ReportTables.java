package org.lectern.reporting;

import java.util.ArrayList;
import java.util.List;
import org.lectern.reporting.PublishedReport.Table;

/**
 * Every table of a report as plain rows of text, for CSV and XLSX: one list per table, first row
 * the header. Built from the published report only, so a funder's file holds what the funder's page
 * shows.
 */
final class ReportTables {

  private ReportTables() {}

  record Sheet(String name, List<List<String>> rows) {}

  static List<Sheet> of(PublishedReport r, ReportLabels l) {
    List<Sheet> out = new ArrayList<>();
    List<List<String>> funnel = new ArrayList<>();
    funnel.add(List.of(l.heading("step"), "key", l.heading("count")));
    r.funnel()
        .forEach(s -> funnel.add(List.of(l.label("funnel", s.key()), s.key(), num(s.count()))));
    if (r.isCoarsened()) {
      funnel.add(List.of(l.heading("note"), "coarsened", l.coarsened()));
    }
    out.add(new Sheet("funnel", funnel));
    List<List<String>> status = new ArrayList<>();
    status.add(List.of(l.heading("status"), "value", l.heading("count")));
    r.byStatus()
        .forEach(x -> status.add(List.of(l.label("status", x.value()), x.value(), num(x.count()))));
    status.add(List.of(l.heading("total"), "total", num(r.registrations())));
    out.add(new Sheet("status", status));
    for (Table t : r.breakdowns().values()) {
      out.add(table(t.name(), t, l));
    }
    var o = r.outside();
    out.add(
        new Sheet(
            "outside",
            List.of(
                List.of(l.heading("outside"), l.heading("share"), l.heading("mainCentres")),
                List.of(
                    o.withheld() ? Count.PROTECTED : num(o.count()),
                    o.share() == null ? "" : Double.toString(o.share()),
                    String.join(" ", o.mainCentres())))));
    List<List<String>> sessions = new ArrayList<>();
    sessions.add(
        List.of(
            l.heading("session"),
            l.heading("when"),
            l.heading("mode"),
            l.heading("present"),
            l.heading("online"),
            l.heading("room"),
            l.heading("tables"),
            l.heading("byRecording")));
    r.sessions()
        .forEach(
            s ->
                sessions.add(
                    List.of(
                        s.title().in("en", r.languages()),
                        s.startsAt().atZone(r.timeZone()).toOffsetDateTime().toString(),
                        s.mode(),
                        num(s.present()),
                        num(s.online()),
                        num(s.room()),
                        num(s.tables()),
                        num(s.byRecording()))));
    out.add(new Sheet("sessions", sessions));
    r.completed().forEach((dim, t) -> out.add(table("completed_" + dim, t, l)));
    out.addAll(ReportLearning.sheets(r, l));
    List<List<String>> indicators = new ArrayList<>();
    indicators.add(
        List.of(
            "level", "indicator", "value", "breakdown", "disaggregation", "means_of_verification"));
    Indicators.fill(r, l)
        .forEach(
            f ->
                indicators.add(
                    List.of(
                        f.definition().level(),
                        f.definition().indicator(),
                        f.value() == null ? l.noData() : f.value(),
                        f.breakdown() == null ? "" : f.breakdown(),
                        f.definition().disaggregation(),
                        f.definition().means())));
    out.add(new Sheet("indicators", indicators));
    return out;
  }

  private static String num(Count c) {
    return c == null ? "" : c.toString();
  }

  private static Sheet table(String name, Table t, ReportLabels l) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(l.heading(t.name()), "value", l.heading("count")));
    if (t.withheld()) {
      rows.add(List.of(l.label("withheld", "withheld"), "withheld", Count.PROTECTED));
    }
    t.rows()
        .forEach(x -> rows.add(List.of(l.label(t.name(), x.value()), x.value(), num(x.count()))));
    rows.add(List.of(l.heading("total"), "total", num(t.total())));
    return new Sheet(name, rows);
  }
}
