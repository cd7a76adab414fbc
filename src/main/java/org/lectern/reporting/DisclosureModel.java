package org.lectern.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a funder is shown, as one system (ADR 0017): each published count is a cell with its
 * exact value and how it is shown; relations are what a reader knows about the cells (sums,
 * "completed ≤ registered"); groups are counts of people that are not printed but follow from cells
 * (registered minus completed in a region) and so must not be worked out either when small.
 *
 * <p>A relation is {@code Σ coefficient × cell = 0} or {@code ≤ 0}. Only relations that hold for
 * the exact figures are added: a reader may assume any of them, and assuming one that holds can
 * only help them.
 */
final class DisclosureModel {

  static final int THRESHOLD = 5;

  /** How a cell is shown: the number, "&lt;5" (1–4), or hidden (0 or 5 and more). */
  enum Shown {
    VISIBLE,
    SMALL,
    HIDDEN
  }

  /** Σ coefficient × cell, over cell indexes. */
  record Expression(int[] cells, int[] coefficients) {}

  record Relation(Expression lhs, boolean equality) {}

  private final List<String> keys = new ArrayList<>();
  private final List<Integer> values = new ArrayList<>();
  private final List<Shown> shown = new ArrayList<>();
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final List<Relation> relations = new ArrayList<>();
  private final List<Expression> groups = new ArrayList<>();
  private boolean coarsened;
  private int level;
  private boolean unresolved;

  static boolean small(int n) {
    return n >= 1 && n < THRESHOLD;
  }

  /** Adds a published count (or returns the one already under {@code key}). */
  int cell(String key, int value) {
    Integer i = index.get(key);
    if (i != null) {
      if (values.get(i) != value) {
        throw new IllegalStateException("two values for " + key);
      }
      return i;
    }
    keys.add(key);
    values.add(value);
    shown.add(small(value) ? Shown.SMALL : Shown.VISIBLE);
    index.put(key, keys.size() - 1);
    return keys.size() - 1;
  }

  boolean has(String key) {
    return index.containsKey(key);
  }

  /** {@code total} = Σ {@code parts}. */
  void sum(String total, List<String> parts) {
    int[] cells = new int[parts.size() + 1];
    int[] coefficients = new int[parts.size() + 1];
    for (int i = 0; i < parts.size(); i++) {
      cells[i] = at(parts.get(i));
      coefficients[i] = 1;
    }
    cells[parts.size()] = at(total);
    coefficients[parts.size()] = -1;
    relate(new Expression(cells, coefficients), true);
  }

  /** {@code part} ≤ Σ {@code wholes}, added only when it holds. */
  void atMost(String part, String... wholes) {
    int[] cells = new int[wholes.length + 1];
    int[] coefficients = new int[wholes.length + 1];
    cells[0] = at(part);
    coefficients[0] = 1;
    for (int i = 0; i < wholes.length; i++) {
      cells[i + 1] = at(wholes[i]);
      coefficients[i + 1] = -1;
    }
    relate(new Expression(cells, coefficients), false);
  }

  /** {@code whole} = Σ {@code parts}, added only when it holds (e.g. present = online + room). */
  void sumIfTrue(String whole, List<String> parts) {
    int total = parts.stream().mapToInt(p -> values.get(at(p))).sum();
    if (total == values.get(at(whole))) {
      sum(whole, parts);
    }
  }

  /** The people counted in {@code whole} but not in {@code part}, a group of its own. */
  void rest(String whole, String part) {
    groups.add(new Expression(new int[] {at(whole), at(part)}, new int[] {1, -1}));
  }

  /** Hides a cell whatever its value (used for changes since an earlier snapshot). */
  void hide(String key) {
    Integer i = index.get(key);
    if (i != null && shown.get(i) == Shown.VISIBLE && values.get(i) != 0) {
      shown.set(i, Shown.HIDDEN);
    }
  }

  /**
   * Marks that the suppression fell back to hiding a whole linked group or the whole report (no
   * smaller pattern protected every count); the funder's page says so.
   */
  void coarsen() {
    coarsened = true;
  }

  boolean coarsened() {
    return coarsened;
  }

  void level(int level) {
    this.level = level;
  }

  /** How much is published ({@link FunderModel#COARSEST}). */
  int level() {
    return level;
  }

  /** Marks that a count stayed too narrow even with every count hidden. */
  void unresolved() {
    unresolved = true;
  }

  boolean isUnresolved() {
    return unresolved;
  }

  private void relate(Expression e, boolean equality) {
    long v = value(e);
    if (equality ? v == 0 : v <= 0) {
      relations.add(new Relation(e, equality));
    }
  }

  private int at(String key) {
    Integer i = index.get(key);
    if (i == null) {
      throw new IllegalArgumentException("no cell " + key);
    }
    return i;
  }

  long value(Expression e) {
    long v = 0;
    for (int i = 0; i < e.cells().length; i++) {
      v += (long) e.coefficients()[i] * values.get(e.cells()[i]);
    }
    return v;
  }

  int size() {
    return keys.size();
  }

  String key(int i) {
    return keys.get(i);
  }

  int value(int i) {
    return values.get(i);
  }

  Shown shown(int i) {
    return shown.get(i);
  }

  Shown shown(String key) {
    return shown.get(at(key));
  }

  int valueOf(String key) {
    return values.get(at(key));
  }

  void show(int i, Shown s) {
    shown.set(i, s);
  }

  List<Relation> relations() {
    return relations;
  }

  List<Expression> groups() {
    return groups;
  }

  List<String> keys() {
    return keys;
  }

  /** A bound above every count, for the solver. */
  int bound() {
    return 2 * values.stream().mapToInt(Integer::intValue).max().orElse(0) + 10;
  }
}
