package org.lectern.reporting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lectern.reporting.DisclosureModel.Expression;
import org.lectern.reporting.DisclosureModel.Relation;
import org.lectern.reporting.DisclosureModel.Shown;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The reader's best effort, by integer programming (ojAlgo): given every visible cell, what the
 * markers mean ("&lt;5" is 1–4, hidden is 5 or more) and every relation, how far apart are the
 * values an expression over the cells can still take? An expression is <em>protected</em> when two
 * possible reports differ in it by at least {@link #WIDTH}.
 *
 * <p>Only a solution checked here, in whole numbers, against every relation counts as proof (a
 * <em>witness</em>); whatever the solver says otherwise (infeasible, failed, a point that does not
 * fit) proves nothing, and an expression without two witnesses far enough apart is treated as
 * worked out. So a solver error can only hide more, never less.
 *
 * <p>Only the hidden cells linked to the expression through relations matter (their "component");
 * the rest of the report is fixed numbers or unrelated, so each problem is small.
 */
final class DisclosureAudit {

  /**
   * How far apart two possible values of a suppressed count must at least be (τ-ARGUS: a protection
   * interval): at least three values stay possible. More is not possible for "&lt;5" in general: a
   * small table of small counts (two delegates in two regions) already fixes its total to 2–4.
   */
  static final int WIDTH = 2;

  static {
    // ojAlgo's presolvers work in BigDecimal and took three quarters of the time on these small
    // problems; the solver is exact without them. (Global, but reporting is ojAlgo's only user.)
    ExpressionsBasedModel.clearPresolvers();
  }

  private final DisclosureModel m;

  /**
   * Every witness met so far, as whole reports (cells outside its problem keep their true value).
   * Hiding more cells only widens what is possible, so a witness stays one.
   */
  private final List<long[]> witnesses = new ArrayList<>();

  private int solves;

  DisclosureAudit(DisclosureModel m) {
    this.m = m;
  }

  /** How many integer programmes were solved (for the benchmark and the tests). */
  int solves() {
    return solves;
  }

  /** Whether two possible reports differ in {@code e} by at least {@link #WIDTH}. */
  boolean isProtected(Expression e) {
    return width(e) >= WIDTH;
  }

  /** The distance between the smallest and largest witnessed value of {@code e}. */
  long width(Expression e) {
    long truth = m.value(e);
    long[] span = {truth, truth};
    witnesses.forEach(p -> widen(span, valueAt(e, p)));
    if (span[1] - span[0] >= WIDTH) {
      return span[1] - span[0];
    }
    Set<Integer> component = component(m, e);
    if (component.isEmpty()) {
      return 0;
    }
    for (boolean max : new boolean[] {false, true}) {
      long[] point = solve(e, component, max);
      if (point != null) {
        witnesses.add(point);
        widen(span, valueAt(e, point));
      }
      if (span[1] - span[0] >= WIDTH) {
        break;
      }
    }
    return span[1] - span[0];
  }

  private static void widen(long[] span, long v) {
    span[0] = Math.min(span[0], v);
    span[1] = Math.max(span[1], v);
  }

  private static long valueAt(Expression e, long[] point) {
    long v = 0;
    for (int i = 0; i < e.cells().length; i++) {
      v += (long) e.coefficients()[i] * point[e.cells()[i]];
    }
    return v;
  }

  /** The hidden cells reachable from {@code e} through relations. */
  static Set<Integer> component(DisclosureModel m, Expression e) {
    Set<Integer> seen = new LinkedHashSet<>();
    var queue = new ArrayDeque<Integer>();
    for (int c : e.cells()) {
      if (m.shown(c) != Shown.VISIBLE && seen.add(c)) {
        queue.add(c);
      }
    }
    while (!queue.isEmpty()) {
      int c = queue.poll();
      for (Relation r : m.relations()) {
        if (contains(r.lhs(), c)) {
          for (int d : r.lhs().cells()) {
            if (m.shown(d) != Shown.VISIBLE && seen.add(d)) {
              queue.add(d);
            }
          }
        }
      }
    }
    return seen;
  }

  static boolean contains(Expression e, int cell) {
    for (int c : e.cells()) {
      if (c == cell) {
        return true;
      }
    }
    return false;
  }

  /**
   * A fresh model for one direction; the solution as a whole report if it is one (checked), else
   * null.
   */
  private long[] solve(Expression e, Set<Integer> component, boolean max) {
    solves++;
    var model = new ExpressionsBasedModel();
    Variable[] vars = new Variable[m.size()];
    for (int c : component) {
      // Hidden cells are never 0 (zeros are not hidden), so "5 or more" is the whole of what a
      // hidden cell can be here; no binary variable, no big-M constraint.
      Variable x = model.addVariable("x" + c).integer(true);
      x.lower(lowest(c)).upper(highest(c));
      vars[c] = x;
    }
    int n = 0;
    for (Relation r : m.relations()) {
      if (!touches(r.lhs(), component)) {
        continue;
      }
      long constant = 0;
      var row = model.addExpression("r" + n++);
      for (int i = 0; i < r.lhs().cells().length; i++) {
        int c = r.lhs().cells()[i];
        int k = r.lhs().coefficients()[i];
        if (vars[c] != null) {
          row.add(vars[c], k);
        } else {
          constant += (long) k * m.value(c);
        }
      }
      row.upper(-constant);
      if (r.equality()) {
        row.lower(-constant);
      }
    }
    var objective = model.addExpression("objective").weight(1);
    for (int i = 0; i < e.cells().length; i++) {
      int c = e.cells()[i];
      if (vars[c] != null) {
        objective.add(vars[c], e.coefficients()[i]);
      }
    }
    Optimisation.Result result;
    try {
      result = max ? model.maximise() : model.minimise();
    } catch (RuntimeException solverFailed) {
      return null; // proves nothing; the cell counts as worked out
    }
    if (!result.getState().isFeasible()) {
      return null;
    }
    long[] point = new long[m.size()];
    for (int i = 0; i < m.size(); i++) {
      point[i] = m.value(i);
    }
    for (int c : component) {
      double v = result.doubleValue(model.indexOf(vars[c]));
      if (Double.isNaN(v)) {
        return null;
      }
      point[c] = Math.round(v);
    }
    return fits(point, component) ? point : null;
  }

  private int lowest(int c) {
    return m.shown(c) == Shown.SMALL ? 1 : DisclosureModel.THRESHOLD;
  }

  private int highest(int c) {
    return m.shown(c) == Shown.SMALL ? DisclosureModel.THRESHOLD - 1 : m.bound();
  }

  /** Whether {@code point} is a report a reader must think possible, in exact whole numbers. */
  private boolean fits(long[] point, Set<Integer> component) {
    for (int c : component) {
      if (point[c] < lowest(c) || point[c] > highest(c)) {
        return false;
      }
    }
    for (Relation r : m.relations()) {
      long v = valueAt(r.lhs(), point);
      if (r.equality() ? v != 0 : v > 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean touches(Expression e, Set<Integer> component) {
    for (int c : e.cells()) {
      if (component.contains(c)) {
        return true;
      }
    }
    return false;
  }
}
