package org.lectern.reporting;

/**
 * Small-number suppression for funders (docs/adr/0007-small-number-suppression.md).
 *
 * <p>Primary: a count from 1 to 4 is shown as "&lt;5"; 0 stays 0. Secondary: in a group of cells
 * that add up to a published total, no hidden cell may be worked out from the total, the visible
 * cells and the markers. A reader knows that a "&lt;5" cell is 1–4 and that a cell hidden for
 * protection is at least 5; from the sum of the hidden cells each one's possible range follows.
 * While some hidden cell's range is a single value, the smallest visible non-zero cell is hidden
 * too. If none is left, the group's zeros are hidden as well (the reader can then no longer tell a
 * hidden 0 from a hidden count); if there are no zeros either, the group is withheld.
 */
final class Suppression {

  static final int THRESHOLD = 5;

  /** How a cell is shown. */
  static final byte VISIBLE = 0;

  static final byte SMALL = 1;

  static final byte PROTECTED = 2;

  private static final long UNBOUNDED = Integer.MAX_VALUE;

  private Suppression() {}

  static boolean small(int n) {
    return n >= 1 && n < THRESHOLD;
  }

  /** How each cell of a group is shown; {@code withheld} when the whole group must be hidden. */
  record Result(byte[] shown, boolean withheld) {}

  /** One group of cells adding up to a published total. */
  static Result group(int[] counts) {
    byte[] shown = primary(counts);
    if (!settle(counts, shown, mask(counts.length))) {
      return new Result(shown, !hideZeros(counts, shown));
    }
    return new Result(shown, false);
  }

  /** The region group, whose sum over the regions outside the main centres is published too. */
  record RegionResult(byte[] shown, boolean outsideWithheld, boolean withheld) {}

  static RegionResult regions(int[] counts, boolean[] outside) {
    byte[] shown = primary(counts);
    boolean[] inside = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      inside[i] = !outside[i];
    }
    boolean ranOut = false;
    boolean sideRanOut = false;
    for (int round = 0; round <= counts.length; round++) {
      int before = hiddenCount(shown);
      ranOut |= !settle(counts, shown, mask(counts.length));
      sideRanOut |= !settle(counts, shown, outside) | !settle(counts, shown, inside);
      if (hiddenCount(shown) == before) {
        break;
      }
    }
    boolean withheld = ranOut && !hideZeros(counts, shown);
    return new RegionResult(shown, ranOut || sideRanOut, withheld);
  }

  static byte[] primary(int[] counts) {
    byte[] shown = new byte[counts.length];
    for (int i = 0; i < counts.length; i++) {
      shown[i] = small(counts[i]) ? SMALL : VISIBLE;
    }
    return shown;
  }

  /** Hides cells of {@code in} until none is determined; false if it ran out of cells. */
  private static boolean settle(int[] counts, byte[] shown, boolean[] in) {
    while (determined(counts, shown, in)) {
      int next = smallestVisible(counts, shown, in);
      if (next < 0) {
        return false;
      }
      shown[next] = PROTECTED;
    }
    return true;
  }

  /**
   * Whether a reader can work out some hidden cell of {@code in}, knowing their sum and the range
   * each marker stands for ("&lt;5": 1–4, protected: 5 or more).
   */
  static boolean determined(int[] counts, byte[] shown, boolean[] in) {
    long sum = 0;
    long sumLo = 0;
    long sumHi = 0;
    int hidden = 0;
    for (int i = 0; i < counts.length; i++) {
      if (in[i] && shown[i] != VISIBLE) {
        sum += counts[i];
        sumLo += lo(shown[i]);
        sumHi += hi(shown[i]);
        hidden++;
      }
    }
    if (hidden == 0) {
      return false;
    }
    for (int i = 0; i < counts.length; i++) {
      if (in[i] && shown[i] != VISIBLE) {
        long min = Math.max(lo(shown[i]), sum - (sumHi - hi(shown[i])));
        long max = Math.min(hi(shown[i]), sum - (sumLo - lo(shown[i])));
        if (min >= max) {
          return true;
        }
      }
    }
    return false;
  }

  static long lo(byte shown) {
    return shown == SMALL ? 1 : THRESHOLD;
  }

  static long hi(byte shown) {
    return shown == SMALL ? THRESHOLD - 1 : UNBOUNDED;
  }

  private static int smallestVisible(int[] counts, byte[] shown, boolean[] in) {
    int best = -1;
    for (int i = 0; i < counts.length; i++) {
      if (in[i] && shown[i] == VISIBLE && counts[i] > 0 && (best < 0 || counts[i] < counts[best])) {
        best = i;
      }
    }
    return best;
  }

  /** Hides the zero cells as protected; false when there were none. */
  private static boolean hideZeros(int[] counts, byte[] shown) {
    boolean any = false;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        shown[i] = PROTECTED;
        any = true;
      }
    }
    return any;
  }

  private static int hiddenCount(byte[] shown) {
    int n = 0;
    for (byte s : shown) {
      n += s == VISIBLE ? 0 : 1;
    }
    return n;
  }

  private static boolean[] mask(int n) {
    boolean[] m = new boolean[n];
    java.util.Arrays.fill(m, true);
    return m;
  }
}
