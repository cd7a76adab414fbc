package org.lectern.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.reporting.DisclosureModel.Shown;

/**
 * The funder's report as one {@link DisclosureModel}: every count they are shown under one key, and
 * what a reader knows about them (ADR 0017). The same key names a figure wherever it is printed
 * (the funnel's "confirmed" is the status table's CONFIRMED and every breakdown's total).
 */
final class FunderModel {

  static final List<String> STATUSES =
      List.of("CONFIRMED", "WAITLISTED", "PENDING", "DECLINED", "CANCELLED");
  static final String CONFIRMED = "status.CONFIRMED";

  private FunderModel() {}

  /**
   * The exact figures with small counts marked, cells that changed by 1–4 since an earlier snapshot
   * hidden, and further cells hidden until nothing hidden can be worked out.
   */
  static DisclosureModel suppressed(ProgrammeFigures f, List<Map<String, Count>> earlier) {
    DisclosureModel m = null;
    for (int level = 0; level <= COARSEST; level++) {
      m = suppressed(f, earlier, level);
      if (!m.isUnresolved()) {
        break;
      }
    }
    return m;
  }

  /**
   * How much is published: 0 everything, 1 without the breakdowns (who the delegates are, who
   * completed, outside the main centres), 2 also without the session and learning figures. A
   * coarser level is used only when hiding counts cannot protect the finer one; 3 also withholds
   * the registrations by status (several statuses of 1–4 fix their total too closely).
   */
  static final int COARSEST = 3;

  private static DisclosureModel suppressed(
      ProgrammeFigures f, List<Map<String, Count>> earlier, int level) {
    var m = of(f, level);
    if (level > 0) {
      m.coarsen();
    }
    for (var before : earlier) {
      before.forEach(
          (key, c) -> {
            if (m.has(key)
                && !c.hidden()
                && DisclosureModel.small(Math.abs(m.valueOf(key) - c.value()))) {
              m.hide(key);
            }
          });
    }
    SecondarySuppression.apply(m);
    return m;
  }

  static DisclosureModel of(ProgrammeFigures f) {
    return of(f, 0);
  }

  static DisclosureModel of(ProgrammeFigures f, int level) {
    var m = new DisclosureModel();
    m.level(level);
    m.cell("invited", f.invited());
    m.cell("registered", f.registered());
    if (level < 3) {
      List<String> statuses = new ArrayList<>();
      for (String s : STATUSES) {
        m.cell("status." + s, f.byStatus().getOrDefault(s, 0));
        statuses.add("status." + s);
      }
      m.sum("registered", statuses);
    } else {
      m.cell(CONFIRMED, f.confirmed());
      m.atMost(CONFIRMED, "registered");
    }
    for (var b : level > 0 ? List.<Breakdown>of() : f.breakdowns().values()) {
      m.sum(CONFIRMED, cells(m, "by." + b.name(), b));
    }
    var region = f.breakdowns().get("region");
    if (region != null && level == 0) {
      m.cell("outside", f.outside());
      m.sum(
          "outside",
          region.cells().stream()
              .filter(c -> Publication.isOutside(c.value(), f.mainCentres()))
              .map(c -> "by.region." + c.value())
              .toList());
    }
    f.attendance().ifPresent(a -> attendance(m, f, a));
    if (f.certified() != null) {
      m.cell("certified", f.certified());
      m.atMost("certified", CONFIRMED);
      if (m.has("completed")) {
        m.atMost("certified", "completed");
      }
    }
    if (level < 2) {
      f.learning().ifPresent(l -> learning(m, l));
    }
    return m;
  }

  private static List<String> cells(DisclosureModel m, String prefix, Breakdown b) {
    List<String> keys = new ArrayList<>();
    for (Cell c : b.cells()) {
      m.cell(prefix + "." + c.value(), c.count());
      keys.add(prefix + "." + c.value());
    }
    return keys;
  }

  private static void attendance(DisclosureModel m, ProgrammeFigures f, AttendanceSummary a) {
    m.cell("attended", a.attendedAtLeastOne());
    m.cell("completed", a.completed());
    m.atMost("attended", CONFIRMED);
    m.atMost("completed", "attended");
    m.rest(CONFIRMED, "attended");
    m.rest("attended", "completed");
    Map<java.util.UUID, AttendanceSummary.SessionCount> counts = new LinkedHashMap<>();
    a.sessions().forEach(s -> counts.put(s.sessionId(), s));
    List<String> presents = new ArrayList<>();
    for (var s : m.level() < 2 ? f.sessions() : List.<org.lectern.session.Session>of()) {
      var c = counts.get(s.id());
      String k = "session." + s.id() + ".";
      m.cell(k + "present", c == null ? 0 : c.delegates());
      m.cell(k + "online", c == null ? 0 : c.online());
      m.cell(k + "room", c == null ? 0 : c.room());
      m.cell(k + "tables", c == null ? 0 : c.tables());
      m.atMost(k + "tables", k + "present");
      m.cell(k + "recording", c == null ? 0 : c.byRecording());
      m.atMost(k + "recording", CONFIRMED);
      m.atMost(k + "online", k + "present");
      m.atMost(k + "room", k + "present");
      m.atMost(k + "present", k + "online", k + "room");
      m.sumIfTrue(k + "present", List.of(k + "online", k + "room"));
      m.atMost(k + "present", "attended");
      presents.add(k + "present");
    }
    if (!presents.isEmpty()) {
      m.atMost("attended", presents.toArray(String[]::new));
    }
    for (var b : m.level() > 0 ? List.<Breakdown>of() : f.completedBreakdowns().values()) {
      m.sum("completed", cells(m, "completed." + b.name(), b));
      for (Cell c : b.cells()) {
        String all = "by." + b.name() + "." + c.value();
        if (m.has(all)) {
          m.atMost("completed." + b.name() + "." + c.value(), all);
          m.rest(all, "completed." + b.name() + "." + c.value());
        }
      }
    }
  }

  /** Pairs (whole, part): the part is at most the whole, and the rest is a group of its own. */
  private static final List<List<String>> LEARNING_PARTS =
      List.of(
          List.of("paired", "improved"),
          List.of("postTested", "passed"),
          List.of("surveyed", "satisfied"),
          List.of("surveyed", "relevant"),
          List.of("followUpAnswered", "usedInPractice"));

  private static void learning(DisclosureModel m, LearningFigures.LearningSummary l) {
    for (String k : LearningFigures.COUNTS) {
      m.cell("learning." + k, l.count(k));
    }
    for (var pair : LEARNING_PARTS) {
      m.atMost("learning." + pair.get(1), "learning." + pair.get(0));
      m.rest("learning." + pair.get(0), "learning." + pair.get(1));
    }
    m.atMost("learning.paired", "learning.preTested");
    m.atMost("learning.paired", "learning.postTested");
    m.atMost("learning.preTested", CONFIRMED);
    m.atMost("learning.postTested", CONFIRMED);
    if (m.level() > 0) {
      return;
    }
    for (String k : LearningFigures.BROKEN_DOWN) {
      for (String dim : LearningFigures.DIMENSIONS) {
        Breakdown b = l.breakdowns().get(k + "." + dim);
        if (b != null) {
          m.sum("learning." + k, cells(m, "learning." + k + "." + dim, b));
          for (Cell c : b.cells()) {
            String all = "by." + dim + "." + c.value();
            if (m.has(all)
                && !k.startsWith("surveyed")
                && !k.equals("satisfied")
                && !k.equals("relevant")) {
              m.atMost("learning." + k + "." + dim + "." + c.value(), all);
            }
          }
        }
      }
    }
    for (var pair : LEARNING_PARTS) {
      for (String dim : LearningFigures.DIMENSIONS) {
        Breakdown whole = l.breakdowns().get(pair.get(0) + "." + dim);
        Breakdown part = l.breakdowns().get(pair.get(1) + "." + dim);
        if (whole == null || part == null) {
          continue;
        }
        for (Cell c : part.cells()) {
          String p = "learning." + pair.get(1) + "." + dim + "." + c.value();
          String w = "learning." + pair.get(0) + "." + dim + "." + c.value();
          if (m.has(w)) {
            m.atMost(p, w);
            m.rest(w, p);
          }
        }
      }
    }
  }

  /** How the count under {@code key} is shown, from a settled model. */
  static Count count(DisclosureModel m, String key) {
    if (!m.has(key)) {
      return null; // withheld at a coarser level
    }
    Shown s = m.shown(key);
    return switch (s) {
      case SMALL -> Count.small();
      case HIDDEN -> Count.hiddenCount();
      case VISIBLE -> Count.of(m.valueOf(key));
    };
  }
}
