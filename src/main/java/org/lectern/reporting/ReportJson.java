package org.lectern.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.reference.Regions;
import org.lectern.reporting.PublishedReport.Row;
import org.lectern.reporting.PublishedReport.Table;

/**
 * The report as JSON (API.md "Report shape"). Counts are numbers, or the string "&lt;5" in the
 * funder view; categories with nobody in them are left out.
 */
record ReportJson(
    String programmeId,
    String view,
    Registrations registrations,
    List<RegionCount> byRegion,
    OutsideJson outsideMainCentres,
    List<ValueCount> byGender,
    List<ValueCount> byProfession,
    List<ValueCount> byYearsOfPractice,
    List<ValueCount> byLanguage,
    Map<String, Count> funnel,
    AttendanceJson attendance,
    CompletedJson completed,
    Certificates certificates,
    Map<String, Object> learning,
    Boolean coarsened,
    List<String> withheld) {

  record Registrations(Count total, Map<String, Count> byStatus) {}

  record RegionCount(String code, String name, Count count) {}

  record ValueCount(String value, Count count) {}

  record OutsideJson(Count count, Double share, List<String> mainCentres, Boolean withheld) {}

  record AttendanceJson(
      boolean recorded,
      Count attendedAtLeastOne,
      Count completed,
      AttendanceSummary.Rule completionRule,
      List<SessionJson> sessions) {}

  record SessionJson(
      String id,
      String startsAt,
      String mode,
      Count present,
      Count online,
      Count room,
      Count tables,
      Count byRecording) {}

  /** Delegates who completed the programme, by the indicator's disaggregations. */
  record CompletedJson(
      List<RegionCount> byRegion, List<ValueCount> byGender, List<ValueCount> byProfession) {}

  record Certificates(Count issued) {}

  static ReportJson of(PublishedReport r, Regions regions) {
    Map<String, Count> byStatus = new LinkedHashMap<>();
    r.byStatus().forEach(row -> byStatus.put(row.value(), row.count()));
    Map<String, Count> funnel = new LinkedHashMap<>();
    r.funnel().forEach(s -> funnel.put(s.key(), s.count() == null ? Count.of(0) : s.count()));
    var o = r.outside();
    return new ReportJson(
        r.programmeId().toString(),
        r.funderView() ? "funder" : "organiser",
        new Registrations(r.registrations(), byStatus),
        present(r.table("region")).stream()
            .map(row -> new RegionCount(row.value(), regionName(row.value(), regions), row.count()))
            .toList(),
        new OutsideJson(o.count(), o.share(), o.mainCentres(), o.withheld() ? Boolean.TRUE : null),
        values(r.table("gender")),
        values(r.table("profession")),
        values(r.table("years")),
        values(r.table("language")),
        funnel,
        new AttendanceJson(
            r.attendanceRecorded(),
            funnel.get("attended"),
            funnel.get("completed"),
            r.completionRule(),
            r.sessions().stream()
                .map(
                    s ->
                        new SessionJson(
                            s.sessionId().toString(),
                            s.startsAt().atZone(r.timeZone()).toOffsetDateTime().toString(),
                            s.mode(),
                            s.present(),
                            s.online(),
                            s.room(),
                            s.tables(),
                            s.byRecording()))
                .toList()),
        completed(r, regions),
        new Certificates(funnel.get("certified")),
        ReportLearning.json(r),
        r.isCoarsened() ? Boolean.TRUE : null,
        withheld(r));
  }

  /**
   * The parts published only as coarser totals (ADR 0017): their lists are empty, and a reader must
   * not read an absent row as 0 there. Null when nothing is withheld.
   */
  private static List<String> withheld(PublishedReport r) {
    List<String> out = new java.util.ArrayList<>();
    Map<String, String> lists =
        Map.of(
            "region", "byRegion",
            "gender", "byGender",
            "profession", "byProfession",
            "years", "byYearsOfPractice",
            "language", "byLanguage");
    lists.forEach(
        (dim, json) -> {
          Table t = r.table(dim);
          if (t != null && t.withheld()) {
            out.add(json);
          }
        });
    if (r.byStatus().isEmpty()) {
      out.add("registrations.byStatus");
    }
    if (r.outside() != null && r.outside().withheld()) {
      out.add("outsideMainCentres");
    }
    if (r.completed().values().stream().anyMatch(Table::withheld)) {
      out.add("completed");
    }
    if (r.sessions().stream().anyMatch(s -> s.present() == null) && r.attendanceRecorded()) {
      out.add("attendance.sessions");
    }
    return out.isEmpty() ? null : out.stream().sorted().toList();
  }

  private static CompletedJson completed(PublishedReport r, Regions regions) {
    Table region = r.completed().get("region");
    if (region == null) {
      return null;
    }
    return new CompletedJson(
        present(region).stream()
            .map(row -> new RegionCount(row.value(), regionName(row.value(), regions), row.count()))
            .toList(),
        values(r.completed().get("gender")),
        values(r.completed().get("profession")));
  }

  static String regionName(String code, Regions regions) {
    if (Regions.OTHER.equals(code)) {
      return "Outside Kazakhstan";
    }
    return regions.find(code).map(x -> x.name("en")).orElse("Not stated");
  }

  private static List<Row> present(Table t) {
    return t.rows().stream().filter(x -> x.count().hidden() || x.count().value() > 0).toList();
  }

  private static List<ValueCount> values(Table t) {
    return present(t).stream().map(x -> new ValueCount(x.value(), x.count())).toList();
  }
}
