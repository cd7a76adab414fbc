package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.lectern.reference.Regions;
import org.lectern.reporting.GeneratedProgramme.Person;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ADR 0017 against an adversary: programmes made of people, published to a funder, read back from
 * the API's JSON by {@link FunderAuditor} (integer programming, written apart from the production
 * code), which must find at least two possible values for every hidden count and no visible count
 * from 1 to 4 — also among the groups that follow from two visible counts (registered minus
 * completed in a region) and between snapshots.
 *
 * <p>Snapshots share no relation a reader could rely on (counts go up and down: cancellations,
 * erasure), so the joint system of a sequence falls apart into one system per snapshot plus their
 * differences; the differences of counts visible in two snapshots are checked here directly.
 */
class FunderDisclosureTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Regions REGIONS = new Regions();

  /** Figures of this run, printed at the end (how much the adversary had to do). */
  static final class Stats {
    int reports;
    int hidden;
    int solves;
    int unusable;
    int coarsened;

    synchronized void audited(FunderAuditor a) {
      reports++;
      hidden += a.hiddenKeys().size();
      solves += a.solves();
      unusable += a.unusable();
    }
  }

  static final Stats STATS = new Stats();

  @net.jqwik.api.lifecycle.AfterContainer
  static void figures() {
    System.out.printf(
        "FunderDisclosureTest: %d published reports audited, %d hidden counts, %d integer"
            + " programmes solved by the adversary (%d answers unusable), %d reports coarsened%n",
        STATS.reports, STATS.hidden, STATS.solves, STATS.unusable, STATS.coarsened);
  }

  /** The issue's case: 6 confirmed, 25 waitlisted, 2 cancelled, one delegate alone in a region. */
  @Example
  void theIssuesSmallProgrammeKeepsCancelledConfirmedAndTheLoneRegionOpen() {
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      people.add(
          new Person(
              "CONFIRMED",
              Map.of(
                  "region", i == 0 ? "KZ-10" : "KZ-75",
                  "gender", i % 2 == 0 ? "female" : "male",
                  "profession", "advocate",
                  "years", "3-5",
                  "language", "ru"),
              new int[] {1, i < 4 ? 2 : 0},
              i < 4,
              false,
              0));
    }
    for (int i = 0; i < 25; i++) {
      people.add(person("WAITLISTED"));
    }
    people.add(person("CANCELLED"));
    people.add(person("CANCELLED"));
    var g =
        new GeneratedProgramme(
            people, List.of(new java.util.UUID(1, 1), new java.util.UUID(1, 2)), 0, true, false);
    var json = funderJson(g, List.of());
    assertThat(json.at("/registrations/byStatus/CANCELLED").asString()).isEqualTo("<5");
    assertThat(json.at("/registrations/byStatus/CONFIRMED").asString()).isEqualTo("hidden");
    assertThat(json.at("/funnel/confirmed").asString()).isEqualTo("hidden");
    audit(g, json);
  }

  private static Person person(String status) {
    return new Person(
        status,
        Map.of(
            "region", "KZ-75",
            "gender", "female",
            "profession", "advocate",
            "years", "3-5",
            "language", "ru"),
        new int[] {0, 0},
        false,
        false,
        0);
  }

  @Property(tries = 20)
  void smallProgrammesRevealNoHiddenCount(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 40) int n,
      @ForAll @IntRange(max = 4) int sessions) {
    var g = GeneratedProgramme.random(new Random(seed), n, sessions);
    audit(g, funderJson(g, List.of()));
  }

  @Property(tries = 3)
  void largeProgrammesRevealNoHiddenCount(
      @ForAll long seed, @ForAll @IntRange(min = 150, max = 1000) int n) {
    var g = GeneratedProgramme.random(new Random(seed), n, 6);
    audit(g, funderJson(g, List.of()));
  }

  @Property(tries = 6)
  void sequencesOfSnapshotsRevealNothingEitherByThemselvesOrByTheirDifferences(
      @ForAll long seed, @ForAll @IntRange(min = 3, max = 40) int n) {
    var r = new Random(seed);
    var g = GeneratedProgramme.random(r, n, 3);
    List<PublishedReport> published = new ArrayList<>();
    List<JsonNode> seen = new ArrayList<>();
    for (int step = 0; step < 3; step++) {
      var report = stored(Publication.forFunder(g.figures(), published));
      published.add(report);
      var json = JSON.valueToTree(ReportJson.of(report, REGIONS));
      var auditor = audit(g, (JsonNode) json);
      for (JsonNode before : seen) {
        var earlier = FunderAuditor.visibleOf(before);
        auditor
            .visible()
            .forEach(
                (key, v) -> {
                  Long w = earlier.get(key);
                  if (w != null) {
                    assertThat(Math.abs(v - w))
                        .as("change of %s between snapshots", key)
                        .matches(d -> d == 0 || d >= 5);
                  }
                });
      }
      seen.add((JsonNode) json);
      g = changed(r, g);
    }
  }

  /** A few registrations more, a cancellation, someone who came to a session. */
  private static GeneratedProgramme changed(Random r, GeneratedProgramme g) {
    List<Person> people = new ArrayList<>(g.people);
    var universes = FunderAuditor.universes();
    int added = r.nextInt(4);
    for (int i = 0; i < added; i++) {
      people.add(
          GeneratedProgramme.person(
              r, universes, List.of("KZ-75", "KZ-10", "KZ-35"), g.sessions.size()));
    }
    if (!people.isEmpty() && r.nextBoolean()) {
      int i = r.nextInt(people.size());
      var p = people.get(i);
      people.set(
          i, new Person("CANCELLED", p.attributes(), p.present(), false, false, p.learning()));
    }
    return new GeneratedProgramme(
        people, g.sessions, g.invited + r.nextInt(3), g.attendance, g.withLearning);
  }

  /** As the funder gets it: published, stored as a snapshot and read back, sent as JSON. */
  static JsonNode funderJson(GeneratedProgramme g, List<PublishedReport> earlier) {
    var report = stored(Publication.forFunder(g.figures(), earlier));
    String body = JSON.writeValueAsString(ReportJson.of(report, REGIONS));
    return JSON.readTree(body);
  }

  static PublishedReport stored(PublishedReport r) {
    if (r.isCoarsened()) {
      synchronized (STATS) {
        STATS.coarsened++;
      }
    }
    return JSON.readValue(JSON.writeValueAsString(r), PublishedReport.class);
  }

  static FunderAuditor audit(GeneratedProgramme g, JsonNode json) {
    var auditor = new FunderAuditor(json, g.truth());
    assertThat(auditor.brokenByTruth())
        .as("relations the true figures break in %s", json)
        .isEmpty();
    assertThat(auditor.visibleSmall()).as("visible counts from 1 to 4").isEmpty();
    assertThat(auditor.unprotected()).as("hidden counts a reader can narrow down").isEmpty();
    for (var group : groups(json)) {
      if (!group.getValue().keySet().stream().allMatch(auditor::known)) {
        continue; // withheld: published only as coarser totals
      }
      var range = auditor.range(group.getKey(), group.getValue());
      if (range.truth() >= 1 && range.truth() <= 4) {
        assertThat(range.narrow()).as("the small group %s can be narrowed down", range).isFalse();
      }
    }
    STATS.audited(auditor);
    return auditor;
  }

  /** Groups of people that follow from two counts: not completed, not attended, not improved. */
  private static List<Map.Entry<String, Map<String, Integer>>> groups(JsonNode json) {
    List<Map.Entry<String, Map<String, Integer>>> out = new ArrayList<>();
    out.add(Map.entry("confirmed-attended", Map.of("status.CONFIRMED", 1, "attended", -1)));
    out.add(Map.entry("attended-completed", Map.of("attended", 1, "completed", -1)));
    if (json.get("completed") != null && !json.get("completed").isNull()) {
      Map<String, List<String>> u = FunderAuditor.universes();
      for (String dim : List.of("region", "gender", "profession")) {
        List<String> values = new ArrayList<>(u.get(dim));
        values.add("unknown");
        for (String v : values) {
          Map<String, Integer> e = new LinkedHashMap<>();
          e.put("by." + dim + "." + v, 1);
          e.put("completed." + dim + "." + v, -1);
          out.add(Map.entry("not completed " + dim + " " + v, e));
        }
      }
    }
    if (json.get("learning") != null && !json.get("learning").isNull()) {
      out.add(Map.entry("not improved", Map.of("learning.paired", 1, "learning.improved", -1)));
      out.add(Map.entry("not passed", Map.of("learning.postTested", 1, "learning.passed", -1)));
      out.add(Map.entry("not satisfied", Map.of("learning.surveyed", 1, "learning.satisfied", -1)));
      out.add(Map.entry("not relevant", Map.of("learning.surveyed", 1, "learning.relevant", -1)));
      out.add(
          Map.entry(
              "not used", Map.of("learning.followUpAnswered", 1, "learning.usedInPractice", -1)));
    }
    return out;
  }
}
