package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Suppression against hand-worked cases, and as properties over random groups: never a visible
 * count from 1 to 4, and no hidden cell that a reader can work out from the total, the visible
 * cells and the markers (checked here by brute force, independently of the production code).
 */
class SuppressionTest {

  @Test
  void aLoneSmallCellTakesTheNextSmallestWithIt() {
    // 1 cancelled beside 19 confirmed: 19 must go too, else 20 - 19 = 1.
    var r = Suppression.group(new int[] {19, 0, 0, 0, 1});
    assertThat(r.shown()).containsExactly(2, 0, 0, 0, 1);
  }

  @Test
  void twoSmallCellsThatAreBothOneArePinnedAndNeedAThird() {
    var r = Suppression.group(new int[] {1, 1, 7, 9, 0});
    assertThat(r.shown()).containsExactly(1, 1, 2, 0, 0);
  }

  @Test
  void aProtectedCellThatWouldBeExactlyFiveIsNotEnough() {
    // "<5" + hidden(>=5) = 6 would mean 1 and 5: a further cell must be hidden.
    var r = Suppression.group(new int[] {1, 5, 20, 30});
    assertThat(r.shown()).containsExactly(1, 2, 2, 0);
  }

  @Test
  void nothingSmallNothingHidden() {
    assertThat(Suppression.group(new int[] {0, 5, 12}).shown()).containsExactly(0, 0, 0);
  }

  @Test
  void allOnesWithNothingElseHideTheZerosOrWithholdTheGroup() {
    assertThat(Suppression.group(new int[] {1, 1, 1, 1, 1, 0}).shown())
        .containsExactly(1, 1, 1, 1, 1, 2);
    assertThat(Suppression.group(new int[] {1, 1, 1, 1, 1}).withheld()).isTrue();
  }

  @Property(tries = 2000)
  void groupsNeverShowSmallCountsNorLetHiddenOnesBeDerived(
      @ForAll @Size(min = 1, max = 22) List<@IntRange(min = 0, max = 40) Integer> cells) {
    int[] counts = cells.stream().mapToInt(Integer::intValue).toArray();
    var r = Suppression.group(counts);
    if (r.withheld()) {
      return;
    }
    for (int i = 0; i < counts.length; i++) {
      if (r.shown()[i] == Suppression.VISIBLE) {
        assertThat(Suppression.small(counts[i])).isFalse();
      }
    }
    boolean zerosHidden = hidesAZero(counts, r.shown());
    assertThat(zerosHidden || !Reader.canDerive(counts, r.shown(), all(counts.length)))
        .as("%s shown as %s", cells, java.util.Arrays.toString(r.shown()))
        .isTrue();
  }

  @Property(tries = 1000)
  void regionsAlsoProtectTheOutsideSum(
      @ForAll @Size(value = 21) List<@IntRange(min = 0, max = 15) Integer> cells,
      @ForAll @Size(value = 21) List<Boolean> outside) {
    int[] counts = cells.stream().mapToInt(Integer::intValue).toArray();
    boolean[] out = new boolean[21];
    boolean[] in = new boolean[21];
    for (int i = 0; i < 21; i++) {
      out[i] = outside.get(i);
      in[i] = !out[i];
    }
    var r = Suppression.regions(counts, out);
    if (r.withheld()) {
      return;
    }
    for (int i = 0; i < counts.length; i++) {
      if (r.shown()[i] == Suppression.VISIBLE) {
        assertThat(Suppression.small(counts[i])).isFalse();
      }
    }
    if (!hidesAZero(counts, r.shown())) {
      assertThat(Reader.canDerive(counts, r.shown(), all(21))).isFalse();
      if (!r.outsideWithheld()) {
        assertThat(Reader.canDerive(counts, r.shown(), out)).isFalse();
        assertThat(Reader.canDerive(counts, r.shown(), in)).isFalse();
      }
    }
  }

  private static boolean hidesAZero(int[] counts, byte[] shown) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0 && shown[i] != Suppression.VISIBLE) {
        return true;
      }
    }
    return false;
  }

  private static boolean[] all(int n) {
    boolean[] m = new boolean[n];
    java.util.Arrays.fill(m, true);
    return m;
  }

  /**
   * A reader who knows the sum of the hidden cells of a group and what the markers mean ("&lt;5" is
   * 1–4, hidden is at least 5) and tries every combination: can they pin one cell down?
   */
  static final class Reader {

    static boolean canDerive(int[] counts, byte[] shown, boolean[] in) {
      List<Integer> hidden = new java.util.ArrayList<>();
      int sum = 0;
      for (int i = 0; i < counts.length; i++) {
        if (in[i] && shown[i] != Suppression.VISIBLE) {
          hidden.add(i);
          sum += counts[i];
        }
      }
      if (hidden.isEmpty()) {
        return false;
      }
      for (int i : hidden) {
        java.util.Set<Integer> possible = new java.util.HashSet<>();
        for (int v = lo(shown[i]); v <= Math.min(hi(shown[i]), sum); v++) {
          if (fits(sum - v, hidden, i, shown)) {
            possible.add(v);
          }
        }
        if (possible.size() <= 1) {
          return true;
        }
      }
      return false;
    }

    // Can the other hidden cells add up to rest within their ranges?
    private static boolean fits(int rest, List<Integer> hidden, int except, byte[] shown) {
      int min = 0;
      long max = 0;
      for (int j : hidden) {
        if (j != except) {
          min += lo(shown[j]);
          max += hi(shown[j]) == Integer.MAX_VALUE ? Integer.MAX_VALUE : hi(shown[j]);
        }
      }
      return rest >= min && rest <= max;
    }

    private static int lo(byte s) {
      return s == Suppression.SMALL ? 1 : 5;
    }

    private static int hi(byte s) {
      return s == Suppression.SMALL ? 4 : Integer.MAX_VALUE;
    }
  }
}
