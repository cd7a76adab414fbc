package org.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The follow-up survey: invitations months after the last session, once each, one reminder to those
 * who have not answered, answers from the personal link into the report's behaviour figures
 * (checked by hand), bad and late answers refused, the organiser's delay.
 */
class FollowUpSurveyIT extends IntegrationTest {

  @Autowired LearningFixture fx;
  @Autowired FollowUpScan scan;
  @Autowired FollowUpMails mails;
  @Autowired ApiTokenService tokens;

  @Test
  void invitedOnceRemindedOnceAndAnswersFeedTheReport() throws Exception {
    LecternUser org = fx.organiser("follow-up");
    // The last session ended 100 days ago: the default three months have passed.
    UUID p = fx.programme(org, Instant.now().minus(Duration.ofDays(100)));
    UUID recent = fx.programme(org, Instant.now().minus(Duration.ofDays(1)));
    fx.delegate(org, recent, "Recent Delegate", "KZ-10", "female");
    List<UUID> d = new ArrayList<>();
    String[][] people = {
      {"KZ-10", "female"}, {"KZ-10", "male"}, {"KZ-75", "female"},
      {"KZ-71", "male"}, {"KZ-10", "female"}, {"KZ-75", "other"}
    };
    for (int i = 0; i < people.length; i++) {
      d.add(fx.delegate(org, p, "Follow Up " + i, people[i][0], people[i][1]));
    }
    scan.sendDue();
    assertThat(mails(p, FollowUpMails.INVITATION)).isEqualTo(6);
    assertThat(mails(recent, FollowUpMails.INVITATION)).isZero();
    scan.sendDue();
    assertThat(mails(p, FollowUpMails.INVITATION)).as("a second scan sends nothing").isEqualTo(6);
    assertThat(mails(p, FollowUpMails.REMINDER)).as("no reminder before two weeks").isZero();

    var web = new Browserless(baseUrl(), "ru");
    var page = web.get(link(d.get(0)));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Ссылались ли вы на Пакт").contains("type=\"radio\"");
    String csrf = Browserless.csrf(page);
    // A missing answer: 422, the error beside the field, nothing stored.
    var bad = web.post(link(d.get(0)), csrf, List.of(Map.entry("used", "perhaps")));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("Выберите «да» или «нет».");
    assertThat(answers(p)).isZero();
    // Two submits at once store one answer; the other is told it was kept once.
    var latch = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      both.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  latch.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return web.post(
                    link(d.get(0)),
                    csrf,
                    List.of(
                        Map.entry("used", "yes"),
                        Map.entry("cited", "yes"),
                        Map.entry("example", "Жалоба в КПЧ <script>alert(1)</script>")));
              }));
    }
    latch.countDown();
    List<Integer> codes = both.stream().map(f -> f.join().statusCode()).sorted().toList();
    assertThat(codes).containsExactly(302, 409);
    assertThat(answers(p)).isEqualTo(1);
    assertThat(web.get(link(d.get(0))).body()).contains("Спасибо: ваш ответ получен.");

    // Two weeks on: one reminder to each of the five who have not answered, and only one.
    jdbc.sql(
            "update learning_follow_up_sent set invited_at = invited_at - interval '15 days'"
                + " where programme_id = :p")
        .param("p", p)
        .update();
    scan.sendDue();
    scan.sendDue();
    assertThat(mails(p, FollowUpMails.REMINDER)).isEqualTo(5);

    answer(web, csrf, d.get(1), "yes", "no");
    answer(web, csrf, d.get(2), "no", "yes");
    answer(web, csrf, d.get(3), "no", "no");
    answer(web, csrf, d.get(4), "yes", "no");
    // Hand-computed: answered 5 (0-4); used in practice when either answer is yes: 0, 1, 2, 4.
    var json =
        new Http(baseUrl())
            .get(
                "/api/v1/programmes/" + p + "/report",
                "Authorization",
                "Bearer " + tokens.issue(org.id(), "t").token())
            .json()
            .get("learning");
    assertThat(json.get("followUpAnswered").asInt()).isEqualTo(5);
    assertThat(json.get("usedInPractice").asInt()).isEqualTo(4);
    // Broken down like the other learning figures: anonymous answers count under "unknown".
    assertThat(cell(json.at("/byGender/followUpAnswered"), "unknown")).isEqualTo(5);
    assertThat(cell(json.at("/byRegion/usedInPractice"), "unknown")).isEqualTo(4);
    assertThat(cell(json.at("/byGender/usedInPractice"), "female")).isZero();
    // The answers are anonymous: no registration on any row; the example is sealed.
    assertThat(
            jdbc.sql(
                    "select count(*) from learning_follow_up_answer where programme_id = :p"
                        + " and (registration_id is not null"
                        + " or position(convert_to('КПЧ', 'UTF8') in example_sealed) > 0)")
                .param("p", p)
                .query(Integer.class)
                .single())
        .isZero();

    var admin = new Browserless(baseUrl(), "ru").signIn(org.email(), Fixtures.PASSWORD);
    String results = admin.get("/admin/programmes/" + p + "/learning/results").body();
    assertThat(results)
        .contains("<dd id=\"follow-up-answers\">5</dd>")
        .contains("<dd id=\"follow-up-used\">4</dd>")
        .contains("<dd id=\"follow-up-cited\">2</dd>")
        .contains("Жалоба в КПЧ &lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'learning.followUpListed'"
                        + " and subject_id = :p")
                .param("p", p.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // The delay: fixed once invitations went out; checked; saved where none went out.
    var form = admin.get("/admin/programmes/" + p + "/learning");
    var frozen =
        admin.post(
            "/admin/programmes/" + p + "/learning/follow-up",
            Browserless.csrf(form),
            List.of(Map.entry("months", "6")));
    assertThat(frozen.statusCode()).isEqualTo(409);
    assertThat(frozen.body()).contains("Приглашения уже разосланы");
    var invalid =
        admin.post(
            "/admin/programmes/" + recent + "/learning/follow-up",
            Browserless.csrf(form),
            List.of(Map.entry("months", "0")));
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.body()).contains("от 1 до 24");
    var saved =
        admin.post(
            "/admin/programmes/" + recent + "/learning/follow-up",
            Browserless.csrf(form),
            List.of(Map.entry("months", "6")));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select months from learning_follow_up_setting where programme_id = :p")
                .param("p", recent)
                .query(Integer.class)
                .single())
        .isEqualTo(6);
  }

  @Test
  void answersAfterTheWindowAreRefusedAndStoreNothing() {
    LecternUser org = fx.organiser("late");
    // Ended 200 days ago: opened at 3 months, closed six weeks later.
    UUID p = fx.programme(org, Instant.now().minus(Duration.ofDays(200)));
    UUID r = fx.delegate(org, p, "Late Delegate", "KZ-10", "male");
    assertThat(scan.sendDue()).isGreaterThanOrEqualTo(0);
    assertThat(mails(p, FollowUpMails.INVITATION)).isZero();
    var web = new Browserless(baseUrl(), "kk");
    var page = web.get(link(r));
    assertThat(page.body()).contains("Бұл сауалнама жабылды.");
    var refused =
        web.post(
            link(r),
            Browserless.csrf(web.get("/login")),
            List.of(Map.entry("used", "yes"), Map.entry("cited", "yes")));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(answers(p)).isZero();
    assertThat(web.get("/learning/" + r + "/wrong-token/follow-up").statusCode()).isEqualTo(404);
  }

  private void answer(Browserless web, String csrf, UUID r, String used, String cited) {
    var res = web.post(link(r), csrf, List.of(Map.entry("used", used), Map.entry("cited", cited)));
    assertThat(res.statusCode()).isEqualTo(302);
  }

  private String link(UUID r) {
    return mails.link(r).replaceFirst("^https?://[^/]+", "");
  }

  private int mails(UUID p, String kind) {
    return jdbc.sql("select count(*) from mail_outbox where kind = :k and dedupe_key like :p")
        .param("k", kind)
        .param("p", kind + ":" + p + ":%")
        .query(Integer.class)
        .single();
  }

  private int answers(UUID p) {
    return jdbc.sql("select count(*) from learning_follow_up_answer where programme_id = :p")
        .param("p", p)
        .query(Integer.class)
        .single();
  }

  private static int cell(tools.jackson.databind.JsonNode cells, String value) {
    for (var c : cells) {
      if (c.get("value").asString().equals(value)) {
        return c.get("count").asInt();
      }
    }
    return 0; // empty cells are left out
  }
}
