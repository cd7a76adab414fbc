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

/**
 * Turns exact figures into what an audience sees: organisers the numbers, funders the same through
 * {@link FunderModel} (small counts "&lt;5", counts that would reveal them "hidden"; ADR 0017).
 */
final class Publication {

  private Publication() {}

  /** How the count under a key is shown to this audience. */
  @FunctionalInterface
  interface Shown {
    Count count(String key, int value);

    default Count count(String key, Integer value) {
      return value == null ? null : count(key, value.intValue());
    }

    default boolean funder() {
      return true;
    }
  }

  static final Shown EXACT =
      new Shown() {
        @Override
        public Count count(String key, int value) {
          return Count.of(value);
        }

        @Override
        public boolean funder() {
          return false;
        }
      };

  /** The organiser's exact report. */
  static PublishedReport exact(ProgrammeFigures f) {
    return publish(f, EXACT);
  }

  /** The funder's report, checked together with the snapshots published before it. */
  static PublishedReport forFunder(ProgrammeFigures f, List<PublishedReport> earlier) {
    var model = FunderModel.suppressed(f, earlier.stream().map(Publication::cells).toList());
    return publish(f, (key, value) -> FunderModel.count(model, key), model.coarsened());
  }

  static PublishedReport publish(ProgrammeFigures f, Shown shown) {
    return publish(f, shown, false);
  }

  static PublishedReport publish(ProgrammeFigures f, Shown shown, boolean coarsened) {
    var p = f.programme();
    Map<String, Table> tables = new LinkedHashMap<>();
    Count confirmed = shown.count(FunderModel.CONFIRMED, f.confirmed());
    for (var b : f.breakdowns().values()) {
      tables.put(b.name(), table("by.", b, confirmed, shown));
    }
    Map<String, Table> completed = new LinkedHashMap<>();
    Count done = f.attendance().map(a -> shown.count("completed", a.completed())).orElse(null);
    f.completedBreakdowns()
        .values()
        .forEach(b -> completed.put(b.name(), table("completed.", b, done, shown)));
    return new PublishedReport(
        p.id(),
        p.title(),
        p.languages(),
        p.timeZone(),
        shown.funder(),
        funnel(f, shown),
        shown.count("registered", f.registered()),
        statusRows(f, shown),
        tables,
        f.breakdowns().containsKey("region") ? outside(f, shown, confirmed) : null,
        sessions(f, shown),
        f.attendance().isPresent(),
        f.attendance().map(AttendanceSummary::rule).orElse(null),
        completed,
        f.learning().map(l -> learning(l, shown)).orElse(null),
        coarsened ? Boolean.TRUE : null);
  }

  private static List<Step> funnel(ProgrammeFigures f, Shown shown) {
    var a = f.attendance();
    return List.of(
        new Step("invited", shown.count("invited", f.invited())),
        new Step("registered", shown.count("registered", f.registered())),
        new Step("confirmed", shown.count(FunderModel.CONFIRMED, f.confirmed())),
        new Step(
            "attended",
            shown.count("attended", a.map(AttendanceSummary::attendedAtLeastOne).orElse(null))),
        new Step(
            "completed",
            shown.count("completed", a.map(AttendanceSummary::completed).orElse(null))),
        new Step("certified", shown.count("certified", f.certified())));
  }

  private static List<Row> statusRows(ProgrammeFigures f, Shown shown) {
    List<Row> rows =
        FunderModel.STATUSES.stream()
            .map(s -> new Row(s, shown.count("status." + s, f.byStatus().getOrDefault(s, 0))))
            .toList();
    // Withheld as a whole when any row is (only the coarser totals are published).
    return rows.stream().anyMatch(r -> r.count() == null) ? List.of() : rows;
  }

  private static Table table(String prefix, Breakdown b, Count total, Shown shown) {
    List<Row> rows = new ArrayList<>();
    for (Cell c : b.cells()) {
      Count n = shown.count(prefix + b.name() + "." + c.value(), c.count());
      if (n == null) {
        // Withheld: only the coarser totals are published (ADR 0017).
        return new Table(b.name(), List.of(), total == null ? Count.of(b.total()) : total, true);
      }
      rows.add(new Row(c.value(), n));
    }
    return new Table(b.name(), rows, total == null ? Count.of(b.total()) : total, false);
  }

  /** A Kazakh region that is not one of the main legal centres (OTHER and unknown are not). */
  static boolean isOutside(String region, List<String> main) {
    return region != null && region.startsWith("KZ-") && !main.contains(region);
  }

  // The share is printed only when both its figures are: a ratio of a hidden count reveals it.
  private static Outside outside(ProgrammeFigures f, Shown shown, Count confirmed) {
    int delegates = f.confirmed();
    Count c = shown.count("outside", f.outside());
    if (c == null) {
      return new Outside(Count.hiddenCount(), null, f.mainCentres(), true);
    }
    Double share =
        delegates == 0 || c.hidden() || confirmed.hidden()
            ? null
            : Math.round(1000.0 * f.outside() / delegates) / 1000.0;
    return new Outside(c, share, f.mainCentres(), false);
  }

  private static List<SessionRow> sessions(ProgrammeFigures f, Shown shown) {
    Map<java.util.UUID, AttendanceSummary.SessionCount> counts =
        f.attendance()
            .map(a -> a.sessions().stream())
            .orElseGet(java.util.stream.Stream::empty)
            .collect(
                Collectors.toMap(AttendanceSummary.SessionCount::sessionId, Function.identity()));
    List<SessionRow> rows = new ArrayList<>();
    boolean any = f.attendance().isPresent();
    for (Session s : f.sessions()) {
      var c = counts.get(s.id());
      String k = "session." + s.id() + ".";
      rows.add(
          new SessionRow(
              s.id(),
              s.title(),
              s.startsAt(),
              s.mode().name(),
              s.language(),
              s.iccprArticles(),
              any ? shown.count(k + "present", c == null ? 0 : c.delegates()) : null,
              any ? shown.count(k + "online", c == null ? 0 : c.online()) : null,
              any ? shown.count(k + "room", c == null ? 0 : c.room()) : null,
              any ? shown.count(k + "tables", c == null ? 0 : c.tables()) : null,
              any ? shown.count(k + "recording", c == null ? 0 : c.byRecording()) : null));
    }
    return rows;
  }

  private static Learning learning(LearningFigures.LearningSummary l, Shown shown) {
    Map<String, Count> counts = new LinkedHashMap<>();
    for (String k : LearningFigures.COUNTS) {
      Count c = shown.count("learning." + k, l.count(k));
      if (c == null) {
        return null; // withheld at a coarser level (ADR 0017)
      }
      counts.put(k, c);
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    for (String k : LearningFigures.BROKEN_DOWN) {
      for (String dim : LearningFigures.DIMENSIONS) {
        Breakdown b = l.breakdowns().get(k + "." + dim);
        if (b != null) {
          tables.put(k + "." + dim, table("learning." + k + ".", b, counts.get(k), shown));
        }
      }
    }
    // A mean over fewer than five people tells too much about each of them.
    Count paired = counts.get("paired");
    boolean means = !shown.funder() || (!paired.hidden() && paired.value() >= 5);
    return new Learning(
        counts,
        means ? oneDecimal(l.meanPre()) : null,
        means ? oneDecimal(l.meanPost()) : null,
        tables);
  }

  private static Double oneDecimal(Double v) {
    return v == null ? null : Math.round(v * 10) / 10.0;
  }

  /**
   * Every count of a published report under the keys {@link FunderModel} uses, so that a new
   * snapshot can be compared with earlier ones.
   */
  static Map<String, Count> cells(PublishedReport r) {
    Map<String, Count> out = new LinkedHashMap<>();
    r.funnel()
        .forEach(
            s -> {
              if (s.count() != null) {
                out.put(s.key().equals("confirmed") ? FunderModel.CONFIRMED : s.key(), s.count());
              }
            });
    r.byStatus().forEach(x -> out.put("status." + x.value(), x.count()));
    r.breakdowns()
        .values()
        .forEach(
            t -> t.rows().forEach(x -> out.put("by." + t.name() + "." + x.value(), x.count())));
    r.completed()
        .values()
        .forEach(
            t ->
                t.rows()
                    .forEach(x -> out.put("completed." + t.name() + "." + x.value(), x.count())));
    if (r.outside() != null && r.outside().count() != null) {
      out.put("outside", r.outside().count());
    }
    for (var s : r.sessions()) {
      String k = "session." + s.sessionId() + ".";
      if (s.present() != null) {
        out.put(k + "present", s.present());
        out.put(k + "online", s.online());
        out.put(k + "room", s.room());
        if (s.tables() != null) {
          out.put(k + "tables", s.tables());
        }
        if (s.byRecording() != null) {
          out.put(k + "recording", s.byRecording());
        }
      }
    }
    var l = r.learning();
    if (l != null) {
      l.counts().forEach((k, c) -> out.put("learning." + k, c));
      l.breakdowns()
          .forEach(
              (k, t) ->
                  t.rows().forEach(x -> out.put("learning." + k + "." + x.value(), x.count())));
    }
    return out;
  }
}
