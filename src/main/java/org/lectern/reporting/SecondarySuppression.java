package org.lectern.reporting;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.lectern.reporting.DisclosureModel.Expression;
import org.lectern.reporting.DisclosureModel.Relation;
import org.lectern.reporting.DisclosureModel.Shown;

/**
 * Hides further cells until no hidden cell, and no small group of people, can be narrowed down to
 * fewer than {@link DisclosureAudit#WIDTH} apart (ADR 0017). Each target is audited by {@link
 * DisclosureAudit}; while it is not protected, the cheapest visible cell linked to it is hidden:
 * first one in a relation with the target itself, else one in a relation with the hidden cells it
 * is linked to; a non-zero count before a zero, the smallest first (it loses the least
 * information).
 *
 * <p>Hiding a cell only widens what a reader can think possible, so a target once free stays free:
 * every target is settled once, and the loop ends because each round hides one more cell.
 */
final class SecondarySuppression {

  private SecondarySuppression() {}

  /**
   * Settles every target; returns how many integer programmes were solved (for the benchmark).
   * Never fails: when no single cell more protects a target, its whole linked group is hidden, and
   * if even that is not enough every count of the report (the model is then marked coarsened).
   */
  static int apply(DisclosureModel m) {
    Deque<Expression> targets = new ArrayDeque<>();
    for (int i = 0; i < m.size(); i++) {
      if (m.shown(i) != Shown.VISIBLE) {
        targets.add(single(i));
      }
    }
    for (Expression g : m.groups()) {
      if (DisclosureModel.small((int) m.value(g))) {
        targets.add(g);
      }
    }
    var audit = new DisclosureAudit(m);
    while (!targets.isEmpty()) {
      Expression t = targets.poll();
      int fallback = 0;
      while (!audit.isProtected(t)) {
        int next = fallback == 0 ? candidate(m, t) : -1;
        if (next >= 0) {
          m.show(next, Shown.HIDDEN);
          targets.add(single(next));
          continue;
        }
        fallback++;
        m.coarsen();
        List<Integer> hidden = fallback == 1 ? hideGroup(m, t) : fallback == 2 ? hideAll(m) : null;
        if (hidden == null) {
          m.unresolved(); // everything that can be hidden is: coarser tables are needed
          break;
        }
        hidden.forEach(c -> targets.add(single(c)));
      }
    }
    return audit.solves();
  }

  /** Hides every visible non-zero cell in a relation with the target or its hidden cells. */
  private static List<Integer> hideGroup(DisclosureModel m, Expression t) {
    Set<Integer> linked = new java.util.HashSet<>(DisclosureAudit.component(m, t));
    for (int c : t.cells()) {
      linked.add(c);
    }
    List<Integer> hidden = new java.util.ArrayList<>();
    for (Relation r : m.relations()) {
      if (linked.stream().anyMatch(c -> DisclosureAudit.contains(r.lhs(), c))) {
        for (int c : r.lhs().cells()) {
          if (m.shown(c) == Shown.VISIBLE && m.value(c) != 0) {
            m.show(c, Shown.HIDDEN);
            hidden.add(c);
          }
        }
      }
    }
    return hidden;
  }

  private static List<Integer> hideAll(DisclosureModel m) {
    List<Integer> hidden = new java.util.ArrayList<>();
    for (int c = 0; c < m.size(); c++) {
      if (m.shown(c) == Shown.VISIBLE && m.value(c) != 0) {
        m.show(c, Shown.HIDDEN);
        hidden.add(c);
      }
    }
    return hidden;
  }

  static Expression single(int cell) {
    return new Expression(new int[] {cell}, new int[] {1});
  }

  private static int candidate(DisclosureModel m, Expression t) {
    int best = bestIn(m, t, List.of(t));
    if (best >= 0) {
      return best;
    }
    Set<Integer> component = DisclosureAudit.component(m, t);
    var near =
        m.relations().stream()
            .map(Relation::lhs)
            .filter(e -> component.stream().anyMatch(c -> DisclosureAudit.contains(e, c)))
            .toList();
    return bestIn(m, null, near);
  }

  /** The cheapest visible cell of {@code exprs} and, if {@code t}, of relations holding t. */
  private static int bestIn(DisclosureModel m, Expression t, List<Expression> exprs) {
    int best = -1;
    for (Expression e : pool(m, t, exprs)) {
      for (int c : e.cells()) {
        if (m.shown(c) == Shown.VISIBLE && cheaper(m, c, best)) {
          best = c;
        }
      }
    }
    return best;
  }

  private static List<Expression> pool(DisclosureModel m, Expression t, List<Expression> exprs) {
    if (t == null) {
      return exprs;
    }
    var out = new java.util.ArrayList<>(exprs);
    for (Relation r : m.relations()) {
      for (int c : t.cells()) {
        if (DisclosureAudit.contains(r.lhs(), c)) {
          out.add(r.lhs());
          break;
        }
      }
    }
    return out;
  }

  // Zeros are never hidden: a hidden 0 in a small table can often be worked out to be 0 all the
  // same, and a hidden cell is then always at least 5, which the reader may know.
  private static boolean cheaper(DisclosureModel m, int c, int best) {
    int a = m.value(c);
    if (a == 0) {
      return false;
    }
    if (best < 0) {
      return true;
    }
    int b = m.value(best);
    return a < b || (a == b && m.key(c).compareTo(m.key(best)) < 0);
  }
}
