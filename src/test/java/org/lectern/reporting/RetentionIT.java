package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.certificate.CertificateService;
import org.lectern.identity.LecternUser;
import org.lectern.reporting.ReportFixture.Delegate;
import org.lectern.retention.Retention;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention: a programme whose period has ended loses its delegates' personal data in the nightly
 * run — once, even when two runs overlap — while the organiser's and the funder's reports show the
 * same figures and certificate codes still verify, saying why the name is gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionIT extends IntegrationTest {

  @Autowired ReportFixture fx;
  @Autowired Retention retention;
  @Autowired CertificateService certificates;
  @Autowired PersonalDataCipher cipher;

  LecternUser organiser;
  UUID old;
  UUID recent;
  String organiserToken;
  String funderToken;
  String code;

  static final String[][] ROWS = {
    {"KZ-75", "female", "advocate", "3-5", "ru"},
    {"KZ-75", "female", "advocate", "6-10", "ru"},
    {"KZ-75", "male", "advocate", "3-5", "kk"},
    {"KZ-75", "female", "ngo_lawyer", "3-5", "ru"},
    {"KZ-35", "female", "advocate", "1-2", "ru"},
    {"KZ-35", "male", "student", "none", "kk"},
    {"KZ-63", "female", "advocate", "11-20", "ru"},
  };

  @BeforeAll
  void setUp() {
    organiser = fx.organiser("retention");
    old = fx.programme(organiser, "retained");
    recent = fx.programme(organiser, "recent");
    session(old, Instant.now().minus(400, ChronoUnit.DAYS));
    session(recent, Instant.now().minus(100, ChronoUnit.DAYS));
    UUID first = null;
    for (int i = 0; i < ROWS.length; i++) {
      UUID r =
          fx.register(
              organiser,
              old,
              new Delegate(
                  "Сакен Забытый" + i,
                  "forgotten" + i + "@retention.example",
                  ROWS[i][0],
                  ROWS[i][1],
                  ROWS[i][2],
                  ROWS[i][3],
                  ROWS[i][4]));
      first = first == null ? r : first;
    }
    fx.register(
        organiser,
        recent,
        new Delegate(
            "Айгуль Недавняя",
            "recent@retention.example",
            "KZ-75",
            "female",
            "advocate",
            "3-5",
            "kk"));
    certificates.override(organiser, old, first, "Attended in person");
    code = certificates.issueOne(organiser, old, first).code();
    organiserToken = fx.token(organiser);
    funderToken = fx.token(fx.funderOf(organiser, old));
    fx.publish(organiser, old, "before retention");
  }

  void session(UUID programme, Instant start) {
    jdbc.sql(
            """
            insert into session (id, programme_id, title, starts_at, ends_at, mode, status)
            values (:id, :p, cast('{"en":"Fair trial","ru":"Справедливый суд"}' as jsonb), :s, :e,
              'ONLINE', 'PUBLISHED')
            """)
        .param("id", UUID.randomUUID())
        .param("p", programme)
        .param("s", Timestamp.from(start))
        .param("e", Timestamp.from(start.plus(2, ChronoUnit.HOURS)))
        .update();
  }

  String report(UUID programme, String token) {
    return report(programme, token, "");
  }

  String report(UUID programme, String token, String query) {
    var r =
        new Http(baseUrl())
            .get(
                "/api/v1/programmes/" + programme + "/report" + query,
                "Authorization",
                "Bearer " + token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body().replaceAll("\"generatedAt\":\"[^\"]*\",?", "");
  }

  List<String> names(UUID programme) {
    return jdbc.sql("select full_name from registration where programme_id = :p")
        .param("p", programme)
        .query((rs, i) -> cipher.decrypt(rs.getBytes(1), "registration.fullName"))
        .list();
  }

  long mails(UUID programme) {
    return jdbc.sql(
            """
            select count(*) from mail_outbox where related_id = :p
              or related_id in (select id from registration where programme_id = :p)
            """)
        .param("p", programme)
        .query(Long.class)
        .single();
  }

  @Test
  @Order(1)
  void theNightlyRunAnonymisesOnceAndKeepsTheFigures() throws Exception {
    String organiserBefore = report(old, organiserToken);
    String funderBefore = report(old, funderToken);
    // The funder view computed now (the organiser's preview), not only the published snapshot.
    String previewBefore = report(old, organiserToken, "?view=funder");
    assertThat(organiserBefore).contains("KZ-75");
    assertThat(names(old)).contains("Сакен Забытый0");
    var web = new Http(baseUrl());
    assertThat(web.get("/verify/" + code).body()).contains("Сакен Забытый0");

    // Two nodes running the nightly task at once: the programme is anonymised once.
    var pool = Executors.newFixedThreadPool(2);
    List<Callable<Integer>> runs = List.of(retention::anonymiseDue, retention::anonymiseDue);
    int total = 0;
    for (var f : pool.invokeAll(runs)) {
      total += f.get();
    }
    pool.shutdown();
    assertThat(total).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from audit_entry where action = 'programme.anonymised'")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    assertThat(names(old)).hasSize(ROWS.length).allMatch(String::isEmpty);
    assertThat(names(recent)).containsExactly("Айгуль Недавняя");
    assertThat(mails(old)).isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from registration where programme_id = :p"
                        + " and (phone is not null or email_index not like 'removed:%')")
                .param("p", old)
                .query(Long.class)
                .single())
        .isZero();

    assertThat(report(old, organiserToken)).isEqualTo(organiserBefore);
    assertThat(report(old, funderToken)).isEqualTo(funderBefore);
    assertThat(report(old, organiserToken, "?view=funder")).isEqualTo(previewBefore);

    var verified = web.get("/verify/" + code);
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body())
        .doesNotContain("Сакен Забытый0")
        .contains("data-removed=\"RETENTION\"")
        .contains("removed under the retention rule");
    assertThat(web.get("/verify/" + code + "?lang=ru").body()).contains("по правилу хранения");
    assertThat(web.get("/verify/" + code + "?lang=kk").body()).contains("сақтау ережесі");
    assertThat(retention.anonymiseDue()).isZero();
  }

  @Test
  @Order(2)
  void organisersSetPeriodsAndSeeTheSchedule() {
    var web = new Http(baseUrl());
    ReportWeb.signIn(web, baseUrl(), organiser);
    var page = web.get("/admin/programmes/" + recent + "/retention");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("12 months after the last session");
    String csrf = csrf(page.body());

    var bad =
        web.postForm(
            "/admin/programmes/" + recent + "/retention", Map.of("months", "0", "_csrf", csrf));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("months-error").contains("Must be between 1 and 120.");
    var junk =
        web.postForm(
            "/admin/programmes/" + recent + "/retention",
            Map.of("months", "<script>", "_csrf", csrf));
    assertThat(junk.status()).isEqualTo(422);
    assertThat(junk.body()).doesNotContain("<script>");

    var ok =
        web.postForm(
            "/admin/programmes/" + recent + "/retention", Map.of("months", "3", "_csrf", csrf));
    assertThat(ok.status()).isEqualTo(302);
    assertThat(web.get("/admin/programmes/" + recent + "/retention").body())
        .contains("Retention period saved.")
        .contains("3 months after the last session");
    var schedule = web.get("/admin/retention");
    assertThat(schedule.status()).isEqualTo(200);
    assertThat(schedule.body()).contains("data-programme=\"" + recent + "\"");

    // Three months after a session a hundred days ago: due now.
    assertThat(retention.anonymiseDue()).isGreaterThanOrEqualTo(1);
    assertThat(names(recent)).containsExactly("");

    var stranger = new Http(baseUrl());
    ReportWeb.signIn(stranger, baseUrl(), fx.organiser("stranger"));
    assertThat(stranger.get("/admin/programmes/" + recent + "/retention").status()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void theApiReadsAndSetsPeriods() {
    var http = new Http(baseUrl());
    String auth = "Bearer " + organiserToken;
    var got = http.get("/api/v1/programmes/" + old + "/retention", "Authorization", auth);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json().get("effectiveMonths").asInt()).isEqualTo(12);
    assertThat(got.json().get("anonymisedAt").isNull()).isFalse();

    var bad =
        http.putJson(
            "/api/v1/programmes/" + old + "/retention",
            Http.map("months", 500),
            "Authorization",
            auth);
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.header("Content-Type")).contains("application/problem+json");
    assertThat(bad.body()).contains("\"field\":\"months\"");
    var set =
        http.putJson(
            "/api/v1/programmes/" + old + "/retention",
            Http.map("months", 6),
            "Authorization",
            auth);
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().get("effectiveMonths").asInt()).isEqualTo(6);

    String strangerToken = fx.token(fx.organiser("api-stranger"));
    assertThat(
            http.get(
                    "/api/v1/programmes/" + old + "/retention",
                    "Authorization",
                    "Bearer " + strangerToken)
                .status())
        .isEqualTo(404);
  }

  static String csrf(String html) {
    var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
