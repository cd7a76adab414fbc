package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.reporting.DisclosureModel.Shown;

/** The publish-time audit on tables small enough to settle by hand (ADR 0017). */
class DisclosureAuditTest {

  @Test
  void aSmallCellWithItsTotalAndOneVisibleNeighbourIsWorkedOutUntilTheNeighbourIsHidden() {
    var m = new DisclosureModel();
    m.cell("total", 9);
    m.cell("a", 2);
    m.cell("b", 7);
    m.sum("total", List.of("a", "b"));
    var audit = new DisclosureAudit(m);
    assertThat(audit.width(SecondarySuppression.single(1))).isZero();

    SecondarySuppression.apply(m);

    assertThat(m.shown("a")).isEqualTo(Shown.SMALL);
    assertThat(m.shown("b")).isEqualTo(Shown.HIDDEN);
    // a = 9 - b with b ≥ 5: a can be 1 to 4.
    assertThat(new DisclosureAudit(m).width(SecondarySuppression.single(1)))
        .isGreaterThanOrEqualTo(DisclosureAudit.WIDTH);
    assertThat(m.coarsened()).isFalse();
  }

  @Test
  void twoPossibleValuesAreNotEnoughSoTheTotalGoesToo() {
    var m = new DisclosureModel();
    m.cell("total", 7);
    m.cell("a", 2);
    m.cell("b", 5);
    m.sum("total", List.of("a", "b"));

    SecondarySuppression.apply(m);

    // Hiding b leaves a in {1, 2}: the total is hidden as well.
    assertThat(m.shown("b")).isEqualTo(Shown.HIDDEN);
    assertThat(m.shown("total")).isEqualTo(Shown.HIDDEN);
    assertThat(m.coarsened()).isFalse();
  }

  @Test
  void whenNoPatternProtectsATableItIsCoarsenedInsteadOfFailing() {
    // a + b + c = t, all four from 1 to 4: a is 1 or 2, whatever is hidden. Publishing must not
    // fail; the model says that coarser tables are needed.
    var m = new DisclosureModel();
    m.cell("t", 3);
    m.cell("a", 1);
    m.cell("b", 1);
    m.cell("c", 1);
    m.cell("other", 40);
    m.sum("t", List.of("a", "b", "c"));
    m.atMost("t", "other");

    int solves = SecondarySuppression.apply(m);

    assertThat(m.coarsened()).isTrue();
    assertThat(m.isUnresolved()).isTrue();
    assertThat(m.shown("other")).isEqualTo(Shown.HIDDEN);
    assertThat(solves).isPositive();
  }
}
