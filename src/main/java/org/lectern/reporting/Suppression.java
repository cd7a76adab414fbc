package org.lectern.reporting;

/**
 * Small-number suppression for funders (docs/adr/0006-small-number-suppression.md).
 *
 * <p>Primary: a count from 1 to 4 is hidden ("&lt;5"); 0 stays 0. Secondary: in a group of cells
 * that add up to a published total, the hidden cells must not be recoverable by subtraction. The
 * hidden cells of a group are "pinned" when a reader who knows the total and that a hidden cell is
 * at least 1 could work out each of them: only one hidden cell, or their sum equals their number
 * (all ones), or all are below 5 and their sum is four times their number (all fours). While a
 * group is pinned, the smallest visible non-zero cell is hidden too. If none is left, the group's
 * zero cells are hidden as well, so the reader no longer knows that a hidden cell is at least 1.
 */
final class Suppression {

  static final int THRESHOLD = 5;

  private Suppression() {}

  static boolean small(int n) {
    return n >= 1 && n < THRESHOLD;
  }

  /**
   * Which cells of a group to hide; {@code withheld} when even that cannot protect them (every cell
   * is a hidden non-zero and no zero is left to hide): then the whole group is withheld.
   */
  record Result(boolean[] hidden, boolean withheld) {}

  /** Which cells of one group (adding up to a published total) to hide. */
  static Result group(int[] counts) {
    boolean[] hidden = primary(counts);
    boolean[] all = mask(counts.length, true);
    if (!settle(counts, hidden, all)) {
      return new Result(hidden, !hideZeros(counts, hidden));
    }
    return new Result(hidden, false);
  }

  /** Regions with the "outside the main centres" sum also published. */
  record RegionResult(boolean[] hidden, boolean outsideWithheld, boolean withheld) {}

  /**
   * The region group, where the sum over the regions outside the main centres is published too:
   * hidden cells on each side of that split must not be pinned either, else the outside figure is
   * withheld.
   */
  static RegionResult regions(int[] counts, boolean[] outside) {
    boolean[] hidden = primary(counts);
    boolean[] all = mask(counts.length, true);
    boolean[] inside = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      inside[i] = !outside[i];
    }
    boolean withheld = false;
    boolean zeros = false;
    for (int round = 0; round < counts.length + 1; round++) {
      int before = hiddenCount(hidden);
      if (!settle(counts, hidden, all)) {
        zeros = true;
      }
      if (!settle(counts, hidden, outside) || !settle(counts, hidden, inside)) {
        withheld = true;
      }
      if (hiddenCount(hidden) == before) {
        break;
      }
    }
    boolean groupWithheld = zeros && !hideZeros(counts, hidden);
    return new RegionResult(hidden, withheld || zeros, groupWithheld);
  }

  static boolean[] primary(int[] counts) {
    boolean[] hidden = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      hidden[i] = small(counts[i]);
    }
    return hidden;
  }

  /** Hides more cells of {@code in} until they are not pinned; false if it ran out of cells. */
  private static boolean settle(int[] counts, boolean[] hidden, boolean[] in) {
    while (pinned(counts, hidden, in)) {
      int next = smallestVisible(counts, hidden, in);
      if (next < 0) {
        return false;
      }
      hidden[next] = true;
    }
    return true;
  }

  static boolean pinned(int[] counts, boolean[] hidden, boolean[] in) {
    int k = 0;
    long sum = 0;
    boolean allSmall = true;
    for (int i = 0; i < counts.length; i++) {
      if (in[i] && hidden[i]) {
        k++;
        sum += counts[i];
        allSmall &= counts[i] < THRESHOLD;
      }
    }
    return k > 0 && (k == 1 || sum == k || (allSmall && sum == 4L * k));
  }

  private static int smallestVisible(int[] counts, boolean[] hidden, boolean[] in) {
    int best = -1;
    for (int i = 0; i < counts.length; i++) {
      if (in[i] && !hidden[i] && counts[i] > 0 && (best < 0 || counts[i] < counts[best])) {
        best = i;
      }
    }
    return best;
  }

  /** Hides the zero cells; false when there were none. */
  private static boolean hideZeros(int[] counts, boolean[] hidden) {
    boolean any = false;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        hidden[i] = true;
        any = true;
      }
    }
    return any;
  }

  private static int hiddenCount(boolean[] hidden) {
    int n = 0;
    for (boolean h : hidden) {
      n += h ? 1 : 0;
    }
    return n;
  }

  private static boolean[] mask(int n, boolean value) {
    boolean[] m = new boolean[n];
    java.util.Arrays.fill(m, value);
    return m;
  }
}
