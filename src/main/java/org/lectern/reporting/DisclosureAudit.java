package org.lectern.reporting;

import java.util.ArrayDeque;
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
 * markers mean ("&lt;5" is 1–4, hidden is 0 or at least 5) and every relation, which values can an
 * expression over the cells still take? An expression is <em>pinned</em> when only one.
 *
 * <p>Only the hidden cells linked to the expression through relations matter (their "component");
 * the rest of the report is fixed numbers or unrelated, so each problem is small.
 */
final class DisclosureAudit {

  static {
    // ojAlgo's presolvers work in BigDecimal and took three quarters of the time on these small
    // problems; the solver is exact without them. (Global, but reporting is ojAlgo's only user.)
    ExpressionsBasedModel.clearPresolvers();
  }

  private final DisclosureModel m;

  /**
   * Every integer solution met so far, as whole reports (cells not in a solution's problem keep
   * their true value). Hiding more cells only widens what is possible, so a solution stays
   * possible: a target that takes another value in any of them is free without a new problem.
   */
  private final java.util.List<long[]> seen = new java.util.ArrayList<>();

  DisclosureAudit(DisclosureModel m) {
    this.m = m;
  }

  /** Whether only one value of {@code e} is possible (the reader can work it out). */
  boolean pinned(Expression e) {
    long truth = m.value(e);
    for (long[] point : seen) {
      if (valueAt(e, point) != truth) {
        return false;
      }
    }
    return pinned(m, e, seen);
  }

  private static long valueAt(Expression e, long[] point) {
    long v = 0;
    for (int i = 0; i < e.cells().length; i++) {
      v += (long) e.coefficients()[i] * point[e.cells()[i]];
    }
    return v;
  }

  /** The smallest and largest value {@code e} can take; {@code max} is null when unbounded. */
  record Range(long min, Long max) {

    boolean pinned() {
      return max != null && min == max;
    }
  }

  static boolean pinned(DisclosureModel m, Expression e) {
    return pinned(m, e, new java.util.ArrayList<>());
  }

  private static boolean pinned(DisclosureModel m, Expression e, java.util.List<long[]> seen) {
    long truth = m.value(e);
    Set<Integer> component = component(m, e);
    if (component.isEmpty()) {
      return true;
    }
    Long lo = solve(m, e, component, false, seen);
    if (lo == null) {
      return true; // the solver gave up: assume the worst
    }
    if (lo < truth) {
      return false;
    }
    Long hi = solve(m, e, component, true, seen);
    return hi == null || hi <= truth;
  }

  static Range range(DisclosureModel m, Expression e) {
    Set<Integer> component = component(m, e);
    if (component.isEmpty()) {
      return new Range(m.value(e), m.value(e));
    }
    Long lo = solve(m, e, component, false, new java.util.ArrayList<>());
    Long hi = solve(m, e, component, true, new java.util.ArrayList<>());
    return new Range(lo == null ? m.value(e) : lo, hi == null || hi == Long.MAX_VALUE ? null : hi);
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
   * The optimum of {@code e}; {@link Long#MAX_VALUE} when unbounded, null when the solver failed.
   */
  private static Long solve(
      DisclosureModel m,
      Expression e,
      Set<Integer> component,
      boolean max,
      java.util.List<long[]> seen) {
    var model = new ExpressionsBasedModel();
    int bound = m.bound();
    Variable[] vars = new Variable[m.size()];
    for (int c : component) {
      Variable x = model.addVariable("x" + c).integer(true).lower(0).upper(bound);
      vars[c] = x;
      if (m.shown(c) == Shown.SMALL) {
        x.lower(1).upper(DisclosureModel.THRESHOLD - 1);
      } else if (m.value(c) >= DisclosureModel.THRESHOLD) {
        // A reader knows a hidden count is 0 or at least 5. Searching only "at least 5" here
        // proves less possible than the reader could think possible, never more: safe, and
        // without the binary variable that would slow the solver down.
        x.lower(DisclosureModel.THRESHOLD);
      } else {
        // A hidden 0: it may be 0 or at least 5 (1-4 would have been "<5").
        Variable b = model.addVariable("b" + c).binary();
        model.addExpression("lo" + c).lower(0).set(x, 1).set(b, -DisclosureModel.THRESHOLD);
        model.addExpression("hi" + c).upper(0).set(x, 1).set(b, -bound);
      }
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
    Optimisation.Result result = max ? model.maximise() : model.minimise();
    if (result.getState() == Optimisation.State.UNBOUNDED) {
      return max ? Long.MAX_VALUE : null;
    }
    if (!result.getState().isFeasible()) {
      return null;
    }
    long[] point = new long[m.size()];
    for (int i = 0; i < m.size(); i++) {
      point[i] = m.value(i);
    }
    for (int c : component) {
      point[c] = Math.round(result.doubleValue(model.indexOf(vars[c])));
    }
    seen.add(point);
    // From the solution itself: the result's objective value proved unreliable with negative
    // coefficients (registered minus completed).
    return valueAt(e, point);
  }

  private static boolean touches(Expression e, Set<Integer> component) {
    for (int c : e.cells()) {
      if (component.contains(c)) {
        return true;
      }
    }
    return false;
  }

  static List<Integer> cellsOf(Expression e) {
    return java.util.Arrays.stream(e.cells()).boxed().toList();
  }
}
