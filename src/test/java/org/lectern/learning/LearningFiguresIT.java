package org.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeRole;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The report's learning figures against values computed by hand from five delegates' scores and
 * three feedback answers (one anonymous); the funder's snapshot shows them only as "&lt;5".
 */
class LearningFiguresIT extends IntegrationTest {

  @Autowired LearningFixture fx;
  @Autowired AttemptRepository attempts;
  @Autowired ApiTokenService tokens;

  private LecternUser org;
  private UUID p;

  @BeforeAll
  void delegatesWithScores() {
    org = fx.organiser("figures");
    p = fx.programme(org, Instant.now().minus(Duration.ofDays(1)));
    fx.threeQuestions(org, p);
    UUID a = fx.delegate(org, p, "A Female", "KZ-10", "female");
    UUID b = fx.delegate(org, p, "B Female", "KZ-75", "female");
    UUID c = fx.delegate(org, p, "C Male", "KZ-10", "male");
    UUID d = fx.delegate(org, p, "D Male", "KZ-71", "male");
    UUID e = fx.delegate(org, p, "E Other", "KZ-10", "other");
    // pre, post (of 3); the pass mark is 70 %.
    attempt(a, TestKind.PRE, 1);
    attempt(a, TestKind.POST, 3);
    attempt(b, TestKind.PRE, 2);
    attempt(b, TestKind.POST, 2);
    attempt(c, TestKind.PRE, 0);
    attempt(c, TestKind.POST, 1);
    attempt(d, TestKind.PRE, 2);
    attempt(e, TestKind.POST, 3);
    answer(a, 5, 4);
    answer(b, 3, 5);
    answer(null, 4, 2);
  }

  @Test
  void theOrganisersReportShowsTheHandComputedFigures() {
    var http = new Http(baseUrl());
    var json =
        http.get(
                "/api/v1/programmes/" + p + "/report",
                "Authorization",
                "Bearer " + tokens.issue(org.id(), "t").token())
            .json()
            .get("learning");
    // preTested A B C D; postTested A B C E; paired A B C; improved A (33→100), C (0→33);
    // passed A (100 %), E (100 %) — B's 67 % is below 70 %.
    assertThat(json.get("preTested").asInt()).isEqualTo(4);
    assertThat(json.get("postTested").asInt()).isEqualTo(4);
    assertThat(json.get("paired").asInt()).isEqualTo(3);
    assertThat(json.get("improved").asInt()).isEqualTo(2);
    assertThat(json.get("passed").asInt()).isEqualTo(2);
    // (33.3 + 66.7 + 0) / 3 and (100 + 66.7 + 33.3) / 3
    assertThat(json.get("meanPre").asDouble()).isEqualTo(33.3);
    assertThat(json.get("meanPost").asDouble()).isEqualTo(66.7);
    // Satisfied: 5 and 4 of (5, 3, 4); relevant: 4 and 5 of (4, 5, 2).
    assertThat(json.get("surveyed").asInt()).isEqualTo(3);
    assertThat(json.get("satisfied").asInt()).isEqualTo(2);
    assertThat(json.get("relevant").asInt()).isEqualTo(2);
    assertThat(json.get("followUpAnswered").asInt()).isZero();
    assertThat(count(json.at("/byGender/improved"), "female")).isEqualTo(1);
    assertThat(count(json.at("/byGender/improved"), "male")).isEqualTo(1);
    assertThat(count(json.at("/byGender/paired"), "female")).isEqualTo(2);
    assertThat(count(json.at("/byRegion/passed"), "KZ-10")).isEqualTo(2);
    assertThat(count(json.at("/byGender/surveyed"), "unknown")).isEqualTo(1);
    assertThat(count(json.at("/byGender/surveyed"), "female")).isEqualTo(2);

    var web = new Browserless(baseUrl(), "en").signIn(org.email(), Fixtures.PASSWORD);
    String page = web.get("/admin/programmes/" + p + "/report").body();
    assertThat(page)
        .contains("<dt>Improved their score</dt><dd>2</dd>")
        .contains("<dt>Mean score after (both tests)</dt><dd>66.7 %</dd>")
        .contains("Improved their score: 2 / 3 (67 %); Reached the pass mark after: 2 / 4 (50 %)")
        .contains("Satisfied or very satisfied: 2 / 3 (67 %)")
        .contains("id=\"learning-gender\"");
  }

  @Test
  void theFunderSeesSmallLearningCountsAsLessThanFive() {
    var funder = fx.member(org, p, ProgrammeRole.FUNDER);
    var http = new Http(baseUrl());
    String orgToken = "Bearer " + tokens.issue(org.id(), "t").token();
    assertThat(
            http.postJson(
                    "/api/v1/programmes/" + p + "/report/publications",
                    java.util.Map.of(),
                    "Authorization",
                    orgToken)
                .status())
        .isEqualTo(201);
    var json =
        http.get(
                "/api/v1/programmes/" + p + "/report",
                "Authorization",
                "Bearer " + tokens.issue(funder.id(), "t").token())
            .json()
            .get("learning");
    for (String k : java.util.List.of("preTested", "paired", "improved", "passed", "surveyed")) {
      assertThat(json.get(k).asString()).as(k).isIn("<5", "hidden");
    }
    assertThat(json.path("meanPre").isMissingNode() || json.get("meanPre").isNull()).isTrue();
    assertThat(json.toString()).doesNotContain("A Female");
  }

  private void attempt(UUID r, TestKind kind, int score) {
    attempts.insert(p, r, kind, score, 3, score * 100 >= 70 * 3, Instant.now());
  }

  private void answer(UUID r, int satisfaction, int relevance) {
    jdbc.sql(
            """
            insert into learning_survey_answer (id, programme_id, session_key, final_survey,
              registration_id, satisfaction, relevance, answered_on)
            values (:id, :p, :p, true, :r, :s, :rel, :on)
            """)
        .param("id", UUID.randomUUID())
        .param("p", p)
        .param("r", r)
        .param("s", satisfaction)
        .param("rel", relevance)
        .param("on", LocalDate.now())
        .update();
  }

  private static int count(JsonNode rows, String value) {
    for (JsonNode row : rows) {
      if (row.get("value").asString().equals(value)) {
        return row.get("count").asInt();
      }
    }
    return 0;
  }
}
