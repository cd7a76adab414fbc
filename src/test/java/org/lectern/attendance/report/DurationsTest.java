package org.lectern.attendance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Duration spellings of Zoom, Teams (localised, with no-break spaces) and BigBlueButton. */
class DurationsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "548 | PT9H8M",
        "19m 26s | PT19M26S",
        "1h 2m | PT1H2M",
        "2\u00a0h\u00a044\u00a0m | PT2H44M",
        "2 h 44 m | PT2H44M",
        "01:05:51 | PT1H5M51S",
        "44 мин | PT44M",
        "1 ч 14 мин | PT1H14M",
        "2 Std. 3 Min. | PT2H3M",
        "2 heures 5 minutes | PT2H5M",
        "45 s | PT45S",
        "1h 29m | PT1H29M",
        "2,5 | PT2M30S",
      })
  void parses(String text, Duration expected) {
    assertThat(Durations.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lots", "5 parsecs", "1h and 5m", "m5"})
  void rejects(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "--", "NA"})
  void missingIsEmpty(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }
}
