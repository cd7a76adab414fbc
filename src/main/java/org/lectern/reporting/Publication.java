package org.lectern.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.reporting.PublishedReport.Learning;
import org.lectern.reporting.PublishedReport.Outside;
import org.lectern.reporting.PublishedReport.Row;
import org.lectern.reporting.PublishedReport.SessionRow;
import org.lectern.reporting.PublishedReport.Step;
import org.lectern.reporting.PublishedReport.Table;
import org.lectern.session.Session;

/** Turns exact figures into what an audience sees; for funders, through {@link Suppression}. */
final class Publication {

  private Publication() {}

  static PublishedReport publish(ProgrammeFigures f, boolean funder) {
    var p = f.programme();
    Map<String, Table> tables = new LinkedHashMap<>();
    Outside outside = null;
    for (var b : f.breakdowns().values()) {
      if (b.name().equals("region")) {
        var regions = regions(b, f.mainCentres(), funder);
        tables.put(b.name(), regions.table());
        outside = outside(f, funder, regions.outsideWithheld() || regions.table().withheld());
      } else {
        tables.put(b.name(), table(b, funder));
      }
    }
    Map<String, Table> completed = new LinkedHashMap<>();
    f.completedBreakdowns().values().forEach(b -> completed.put(b.name(), table(b, funder)));
    var attendance = f.attendance();
    return new PublishedReport(
        p.id(),
        p.title(),
        p.languages(),
        p.timeZone(),
        funder,
        funnel(f, funder),
        count(f.registered(), funder),
        statusRows(f, funder),
        tables,
        outside,
        sessions(f, funder),
        attendance.isPresent(),
        attendance.map(AttendanceSummary::rule).orElse(null),
        completed,
        f.learning().map(l -> learning(l, funder)).orElse(null));
  }

  private static Count count(int n, boolean funder) {
    return Count.of(n, funder);
  }

  private static Count count(Integer n, boolean funder) {
    return n == null ? null : count(n.intValue(), funder);
  }

  private static List<Step> funnel(ProgrammeFigures f, boolean funder) {
    var a = f.attendance();
    return List.of(
        new Step("invited", count(f.invited(), funder)),
        new Step("registered", count(f.registered(), funder)),
        new Step("confirmed", count(f.confirmed(), funder)),
        new Step(
            "attended", count(a.map(AttendanceSummary::attendedAtLeastOne).orElse(null), funder)),
        new Step("completed", count(a.map(AttendanceSummary::completed).orElse(null), funder)),
        new Step("certified", count(f.certified(), funder)));
  }

  private static List<Row> statusRows(ProgrammeFigures f, boolean funder) {
    List<String> order = List.of("CONFIRMED", "WAITLISTED", "PENDING", "DECLINED", "CANCELLED");
    var b =
        new Breakdown(
            "status",
            order.stream().map(s -> new Cell(s, f.byStatus().getOrDefault(s, 0))).toList(),
            f.registered());
    return table(b, funder).rows();
  }

  static Table table(Breakdown b, boolean funder) {
    int[] counts = b.cells().stream().mapToInt(Cell::count).toArray();
    var r =
        funder ? Suppression.group(counts) : new Suppression.Result(new byte[counts.length], false);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      rows.add(new Row(b.cells().get(i).value(), Count.shown(counts[i], r.shown()[i])));
    }
    return r.withheld()
        ? new Table(b.name(), List.of(), count(b.total(), funder), true)
        : new Table(b.name(), rows, count(b.total(), funder), false);
  }

  private record Regions(Table table, boolean outsideWithheld) {}

  private static Regions regions(Breakdown b, List<String> main, boolean funder) {
    if (!funder) {
      return new Regions(table(b, false), false);
    }
    int[] counts = b.cells().stream().mapToInt(Cell::count).toArray();
    boolean[] outside = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      outside[i] = isOutside(b.cells().get(i).value(), main);
    }
    var r = Suppression.regions(counts, outside);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      rows.add(new Row(b.cells().get(i).value(), Count.shown(counts[i], r.shown()[i])));
    }
    Table t =
        r.withheld()
            ? new Table(b.name(), List.of(), count(b.total(), true), true)
            : new Table(b.name(), rows, count(b.total(), true), false);
    return new Regions(t, r.outsideWithheld());
  }

  /** A Kazakh region that is not one of the main legal centres (OTHER and unknown are not). */
  static boolean isOutside(String region, List<String> main) {
    return region != null && region.startsWith("KZ-") && !main.contains(region);
  }

  private static Outside outside(ProgrammeFigures f, boolean funder, boolean withheld) {
    int delegates = f.confirmed();
    Count c = count(f.outside(), funder);
    boolean hideShare = withheld || c.hidden() || (funder && Suppression.small(delegates));
    Double share =
        delegates == 0 || hideShare ? null : Math.round(1000.0 * f.outside() / delegates) / 1000.0;
    return funder && withheld
        ? new Outside(null, null, f.mainCentres(), true)
        : new Outside(c, share, f.mainCentres(), false);
  }

  private static List<SessionRow> sessions(ProgrammeFigures f, boolean funder) {
    Map<java.util.UUID, AttendanceSummary.SessionCount> counts =
        f.attendance()
            .map(a -> a.sessions().stream())
            .orElseGet(java.util.stream.Stream::empty)
            .collect(
                Collectors.toMap(AttendanceSummary.SessionCount::sessionId, Function.identity()));
    List<SessionRow> rows = new ArrayList<>();
    for (Session s : f.sessions()) {
      var c = counts.get(s.id());
      boolean any = f.attendance().isPresent();
      rows.add(
          new SessionRow(
              s.id(),
              s.title(),
              s.startsAt(),
              s.mode().name(),
              s.language(),
              s.iccprArticles(),
              any ? count(c == null ? 0 : c.delegates(), funder) : null,
              any ? count(c == null ? 0 : c.online(), funder) : null,
              any ? count(c == null ? 0 : c.room(), funder) : null));
    }
    return rows;
  }

  private static Learning learning(LearningFigures.LearningSummary l, boolean funder) {
    return new Learning(
        count(l.tested(), funder),
        part(l.improved(), l.tested(), funder),
        count(l.surveyed(), funder),
        part(l.satisfied(), l.surveyed(), funder));
  }

  // A part of a published whole: hidden when the part or the rest is small.
  private static Count part(int part, int whole, boolean funder) {
    if (!funder) {
      return Count.of(part);
    }
    var r = Suppression.group(new int[] {part, whole - part});
    return r.shown()[0] == Suppression.VISIBLE && r.shown()[1] == Suppression.VISIBLE
        ? Count.of(part)
        : Suppression.small(part) ? Count.small() : Count.hiddenCount();
  }
}
