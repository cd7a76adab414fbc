package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adversary checked on reports small enough to work out by hand: a status table of two rows
 * with its total published. Every breakdown of the confirmed delegates has one row, "not stated",
 * shown as the confirmed count is.
 */
class FunderAuditorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aSmallCellBesideAVisibleOneAndTheirTotalIsWorkedOut() {
    // 9 registered = CONFIRMED (<5) + WAITLISTED 7, so CONFIRMED = 2.
    var a = auditor(9, "<5", 2, 7, 7);
    assertThat(a.unprotected())
        .anySatisfy(r -> assertThat(r.key()).isEqualTo("status.CONFIRMED"))
        .allSatisfy(r -> assertThat(r.pinned()).isTrue());
  }

  @Test
  void aSmallCellBesideAHiddenOneOfFiveOrMoreCanBeAnythingFromOneToFour() {
    // CONFIRMED + WAITLISTED = 9, WAITLISTED is 0 or at least 5: CONFIRMED is 1, 2, 3 or 4.
    var a = auditor(9, "<5", 2, "hidden", 7);
    assertThat(a.unprotected()).isEmpty();
    var r = a.range("confirmed", Map.of("status.CONFIRMED", 1));
    assertThat(r.min()).isEqualTo(1);
    assertThat(r.max()).isEqualTo(4);
  }

  @Test
  void twoPossibleValuesAreNotEnoughProtection() {
    // CONFIRMED + WAITLISTED = 7 with WAITLISTED ≥ 5: CONFIRMED is 1 or 2.
    var a = auditor(7, "<5", 2, "hidden", 5);
    var r = a.range("confirmed", Map.of("status.CONFIRMED", 1));
    assertThat(r.min()).isEqualTo(1);
    assertThat(r.max()).isEqualTo(2);
    assertThat(a.unprotected()).extracting(FunderAuditor.Range::key).contains("status.CONFIRMED");
  }

  @Test
  void aHiddenCellMayBeZeroAndTheReaderKnowsIt() {
    // CONFIRMED (<5) + WAITLISTED (hidden) = 4: WAITLISTED cannot be 5 or more, so it is 0 and
    // CONFIRMED is 4 — only found when "hidden" may also mean 0.
    var a = auditor(4, "<5", 4, "hidden", 0);
    assertThat(a.unprotected())
        .anySatisfy(
            r -> {
              assertThat(r.key()).isEqualTo("status.CONFIRMED");
              assertThat(r.pinned()).isTrue();
            });
  }

  /** A report of two statuses with its total; {@code confirmed} as shown and as it is. */
  private static FunderAuditor auditor(
      int total, Object confirmed, int confirmedTruth, Object waitlisted, int waitlistedTruth) {
    var report = JSON.createObjectNode();
    var byStatus = report.putObject("registrations").put("total", total).putObject("byStatus");
    set(byStatus, "CONFIRMED", confirmed);
    set(byStatus, "WAITLISTED", waitlisted);
    for (String list :
        new String[] {"byRegion", "byGender", "byProfession", "byYearsOfPractice", "byLanguage"}) {
      var row = report.putArray(list).addObject().put("value", "unknown");
      set(row, "count", confirmed);
    }
    set(report.putObject("funnel").put("registered", total), "confirmed", confirmed);
    Map<String, Integer> truth = new LinkedHashMap<>();
    truth.put("registered", total);
    truth.put("status.CONFIRMED", confirmedTruth);
    truth.put("status.WAITLISTED", waitlistedTruth);
    for (String dim : new String[] {"region", "gender", "profession", "years", "language"}) {
      truth.put("by." + dim + ".unknown", confirmedTruth);
    }
    var a = new FunderAuditor((JsonNode) report, truth);
    assertThat(a.brokenByTruth()).isEmpty();
    return a;
  }

  private static void set(tools.jackson.databind.node.ObjectNode o, String field, Object v) {
    if (v instanceof Integer i) {
      o.put(field, i);
    } else {
      o.put(field, (String) v);
    }
  }
}
