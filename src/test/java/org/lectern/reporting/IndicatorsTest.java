package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.reporting.PublishedReport.Row;
import org.lectern.reporting.PublishedReport.Step;
import org.lectern.reporting.PublishedReport.Table;

/** The donor indicator "lawyers trained", as the funder reads it in the indicator table. */
class IndicatorsTest {

  static final Indicators.Definition TRAINED =
      new Indicators.Definition("trained", "Output", "Lawyers trained", "sex, region", "", "");

  static final Indicators.Labels LABELS =
      new Indicators.Labels() {
        @Override
        public String label(String dimension, String value) {
          return value;
        }

        @Override
        public String heading(String dimension) {
          return "[" + dimension + "]";
        }

        @Override
        public String noData() {
          return "no data";
        }

        @Override
        public String number(Count c) {
          return c.toString();
        }

        @Override
        public String rule(AttendanceSummary.Rule rule, boolean short_) {
          return "rule";
        }
      };

  static PublishedReport report(int women, int men) {
    Count total = Count.of(women + men);
    Map<String, Table> completed =
        Map.of(
            "gender",
            new Table(
                "gender",
                List.of(new Row("FEMALE", Count.of(women)), new Row("MALE", Count.of(men))),
                total,
                false),
            "region",
            new Table("region", List.of(new Row("ALMATY", total)), total, false));
    return new PublishedReport(
        null,
        null,
        List.of("en"),
        ZoneId.of("Asia/Almaty"),
        true,
        List.of(new Step("completed", total)),
        total,
        List.of(),
        Map.of(),
        null,
        List.of(),
        true,
        null,
        completed,
        null,
        false);
  }

  @Test
  void nobodyCompletedLeavesNoEmptyHeadings() {
    var filled = Indicators.fill(List.of(TRAINED), report(0, 0), LABELS).get(0);

    assertThat(filled.value()).isEqualTo(Count.of(0).toString());
    // Was "[gender]: ; [region]: " — headings with nothing after them.
    assertThat(filled.breakdown()).isNull();
  }

  @Test
  void aDimensionWithCountsIsShownAndItsZeroRowsLeftOut() {
    var filled = Indicators.fill(List.of(TRAINED), report(7, 0), LABELS).get(0);

    assertThat(filled.breakdown())
        .isEqualTo("[gender]: FEMALE " + Count.of(7) + "; [region]: ALMATY " + Count.of(7));
  }
}
