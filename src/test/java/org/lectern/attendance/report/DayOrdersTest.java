package org.lectern.attendance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.attendance.report.Fixtures.ALMATY;
import static org.lectern.attendance.report.Fixtures.session;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Day-or-month-first decided from all dates of a file, then the session date, else asked. */
class DayOrdersTest {

  private static final ReadContext MAY_6 = session("2024-05-06T10:00", "2024-05-06T12:00", ALMATY);

  private static List<Cell> cells(String... texts) {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      cells.add(new Cell(texts[i], i + 2, 3));
    }
    return cells;
  }

  @Test
  void aDayAboveTwelveAnywhereDecides() {
    assertThat(DayOrders.decide(cells("05/06/2024 10:00", "13/06/2024 10:00"), MAY_6))
        .isEqualTo(DayOrder.DAY_FIRST);
    assertThat(DayOrders.decide(cells("05/06/2024 10:00", "06/13/2024 10:00"), MAY_6))
        .isEqualTo(DayOrder.MONTH_FIRST);
  }

  @Test
  void theSessionDateDecidesWhenAllComponentsAreTwelveOrLess() {
    // 05/06 is 6 May month first, 5 June day first; the session is on 6 May.
    assertThat(DayOrders.decide(cells("05/06/2024 10:00", "05/06/2024 11:00"), MAY_6))
        .isEqualTo(DayOrder.MONTH_FIRST);
    ReadContext june5 = session("2024-06-05T10:00", "2024-06-05T12:00", ALMATY);
    assertThat(DayOrders.decide(cells("05/06/2024 10:00"), june5)).isEqualTo(DayOrder.DAY_FIRST);
  }

  @Test
  void sameDayAndMonthNeedNoDecision() {
    assertThat(DayOrders.decide(cells("05/05/2024 10:00"), MAY_6)).isEqualTo(DayOrder.DAY_FIRST);
  }

  @Test
  void neitherOrderNearTheSessionAsks() {
    ReadContext october = session("2024-10-01T10:00", "2024-10-01T12:00", ALMATY);
    assertThatThrownBy(() -> DayOrders.decide(cells("05/06/2024 10:00"), october))
        .isInstanceOfSatisfying(
            ReportChoiceNeededException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.options())
                  .extracting(ChoiceOption::example)
                  .containsExactly("2024-06-05", "2024-05-06");
            });
  }

  @Test
  void contradictingDatesAreAnError() {
    assertThatThrownBy(() -> DayOrders.decide(cells("13/06/2024 10:00", "06/13/2024 10:00"), MAY_6))
        .isInstanceOfSatisfying(
            ReportFormatException.class,
            e -> {
              assertThat(e.code()).isEqualTo("attendance.import.inconsistentDates");
              assertThat(e.line()).isEqualTo(3);
            });
  }
}
