package org.lectern.reporting;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.lectern.reporting.DisclosureModel.Expression;
import org.lectern.reporting.DisclosureModel.Relation;
import org.lectern.reporting.DisclosureModel.Shown;

/**
 * Hides further cells until no hidden cell, and no small group of people, can be worked out (ADR
 * 0010). Each target is audited by {@link DisclosureAudit}; while it is pinned, the cheapest
 * visible cell linked to it is hidden: first one in a relation with the target itself, else one in
 * a relation with the hidden cells it is linked to; a non-zero count before a zero, the smallest
 * first (it loses the least information).
 *
 * <p>Hiding a cell only widens what a reader can think possible, so a target once free stays free:
 * every target is settled once, and the loop ends because each round hides one more cell.
 */
final class SecondarySuppression {

  private SecondarySuppression() {}

  /** Settles every target; returns how many problems were solved (for the benchmark). */
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
    int audits = 0;
    var audit = new DisclosureAudit(m);
    while (!targets.isEmpty()) {
      Expression t = targets.poll();
      audits++;
      while (audit.pinned(t)) {
        int next = candidate(m, t);
        if (next < 0) {
          throw new IllegalStateException("nothing left to hide for " + describe(m, t));
        }
        m.show(next, Shown.HIDDEN);
        targets.add(single(next));
        audits++;
      }
    }
    return audits;
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
    best = bestIn(m, null, near);
    if (best >= 0) {
      return best;
    }
    return bestIn(m, null, m.relations().stream().map(Relation::lhs).toList());
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

  private static String describe(DisclosureModel m, Expression t) {
    return java.util.Arrays.stream(t.cells())
        .mapToObj(m::key)
        .collect(java.util.stream.Collectors.joining(" - "));
  }
}
