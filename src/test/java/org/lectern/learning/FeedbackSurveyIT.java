package org.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.support.Fixtures;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Feedback surveys: anonymous answers hold no link to the delegate, one answer each, bad ratings
 * and answers outside the window change nothing, results only from five answers.
 */
class FeedbackSurveyIT extends IntegrationTest {

  @Autowired LearningFixture fx;
  @Autowired org.lectern.shared.crypto.PersonalDataCipher cipher;

  @Test
  void anonymousAnswersAreOneEachUnlinkedAndShownFromFive() {
    LecternUser org = fx.organiser("survey");
    UUID p = fx.programme(org, Instant.now().minus(Duration.ofDays(1)));
    List<UUID> delegates = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      delegates.add(fx.delegate(org, p, "Delegate " + i, "KZ-10", "female"));
    }
    var web = new Browserless(baseUrl(), "ru");
    String first = link(delegates.get(0));
    var page = web.get(first);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Ваш ответ анонимен").contains("type=\"radio\"");
    String csrf = Browserless.csrf(page);
    // A bad rating: 422, the error beside the field, nothing stored.
    var bad =
        web.post(
            first, csrf, List.of(Map.entry("satisfaction", "9"), Map.entry("relevance", "<b>")));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("Выберите оценку от 1 до 5.");
    assertThat(rows(p)).isZero();
    for (int i = 0; i < 4; i++) {
      answer(web, csrf, delegates.get(i), i == 0 ? "Полезно <script>x</script>" : "");
    }
    var again =
        web.post(first, csrf, List.of(Map.entry("satisfaction", "1"), Map.entry("relevance", "1")));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("Вы уже ответили на эту анкету");
    assertThat(rows(p)).isEqualTo(4);
    // The comment is sealed under the programme's own key, so a purge shreds it (ADR 0022).
    byte[] sealed =
        jdbc.sql(
                "select comment_sealed from learning_survey_answer where programme_id = :p"
                    + " and comment_sealed is not null limit 1")
            .param("p", p)
            .query(byte[].class)
            .single();
    assertThat(cipher.forProgramme(p).owns(sealed)).isTrue();
    assertThat(
            jdbc.sql(
                    "select count(*) from learning_survey_answer where programme_id = :p"
                        + " and registration_id is not null")
                .param("p", p)
                .query(Integer.class)
                .single())
        .isZero();
    var admin = new Browserless(baseUrl(), "ru").signIn(org.email(), Fixtures.PASSWORD);
    String results = admin.get("/admin/programmes/" + p + "/learning/results").body();
    assertThat(results).contains("Меньше 5 ответов").doesNotContain("Полезно");
    answer(web, csrf, delegates.get(4), "");
    results = admin.get("/admin/programmes/" + p + "/learning/results").body();
    assertThat(results)
        .contains("Ответов: 5")
        .contains("Полезно &lt;script&gt;x&lt;/script&gt;")
        .doesNotContain("Меньше 5 ответов");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'learning.feedbackListed'"
                        + " and subject_id = :p")
                .param("p", p.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // Anonymity cannot change once anyone has answered.
    var form = admin.get("/admin/programmes/" + p + "/learning");
    var frozen =
        admin.post(
            "/admin/programmes/" + p + "/learning/survey",
            Browserless.csrf(form),
            List.of(Map.entry("anonymous", "false")));
    assertThat(frozen.body()).contains("анонимность изменить нельзя");
  }

  @Test
  void namedAnswersKeepTheRegistrationAndClosedSurveysRefuse() {
    LecternUser org = fx.organiser("named");
    UUID past = fx.programme(org, Instant.now().minus(Duration.ofDays(1)));
    var admin = new Browserless(baseUrl(), "en").signIn(org.email(), Fixtures.PASSWORD);
    var form = admin.get("/admin/programmes/" + past + "/learning");
    assertThat(
            admin
                .post(
                    "/admin/programmes/" + past + "/learning/survey",
                    Browserless.csrf(form),
                    List.of())
                .statusCode())
        .isEqualTo(302);
    UUID r = fx.delegate(org, past, "Named Delegate", "KZ-71", "male");
    var web = new Browserless(baseUrl(), "kk");
    var page = web.get(link(r));
    assertThat(page.body()).contains("Ұйымдастырушылар жауабыңызды");
    answer(web, Browserless.csrf(page), r, "");
    assertThat(
            jdbc.sql("select registration_id from learning_survey_answer where programme_id = :p")
                .param("p", past)
                .query(UUID.class)
                .single())
        .isEqualTo(r);

    UUID future = fx.programme(org, Instant.now().plus(Duration.ofDays(5)));
    UUID d = fx.delegate(org, future, "Early Delegate", "KZ-71", "male");
    var early = web.get(link(d));
    assertThat(early.body()).contains("Бұл сауалнама әлі ашылған жоқ.");
    var refused =
        web.post(
            link(d),
            Browserless.csrf(page),
            List.of(Map.entry("satisfaction", "5"), Map.entry("relevance", "5")));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(rows(future)).isZero();
  }

  private void answer(Browserless web, String csrf, UUID r, String comment) {
    var res =
        web.post(
            link(r),
            csrf,
            List.of(
                Map.entry("satisfaction", "5"),
                Map.entry("relevance", "4"),
                Map.entry("comment", comment)));
    assertThat(res.statusCode()).isEqualTo(302);
  }

  private String link(UUID r) {
    return "/learning/" + r + "/" + fx.token(r) + "/feedback";
  }

  private int rows(UUID p) {
    return jdbc.sql("select count(*) from learning_survey_answer where programme_id = :p")
        .param("p", p)
        .query(Integer.class)
        .single();
  }
}
