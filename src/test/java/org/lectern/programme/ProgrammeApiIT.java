package org.lectern.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The programme and session API as an integrator uses it, bad input included. */
class ProgrammeApiIT extends IntegrationTest {

  @Autowired Fixtures fixtures;

  Http http;
  String token;
  String otherToken;

  @BeforeAll
  void tokens() {
    http = new Http(baseUrl());
    token = tokenFor(fixtures.organiser("api"));
    otherToken = tokenFor(fixtures.organiser("other"));
  }

  String tokenFor(LecternUser u) {
    var r =
        http.postJson(
            "/api/v1/auth/tokens", map("email", u.email(), "password", Fixtures.PASSWORD));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("expiresAt").asString()).isNotBlank();
    return r.json().get("token").asString();
  }

  String[] auth(String t) {
    return new String[] {"Authorization", "Bearer " + t};
  }

  Object programme(String slug) {
    return map(
        "slug",
        slug,
        "title",
        map("ru", "Права человека", "en", "Human rights"),
        "timeZone",
        "Asia/Almaty",
        "languages",
        List.of("ru", "en"),
        "capacity",
        50,
        "cpdHours",
        6);
  }

  String slug() {
    return "p-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void wrongPasswordGets401InTheCallersLanguage() {
    var r =
        http.postJson(
            "/api/v1/auth/tokens",
            map("email", "nobody@example.org", "password", "wrong-password"),
            "Accept-Language",
            "ru");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().get("detail").asString()).contains("Неверный");
  }

  @Test
  void createsADraftThatOnlyItsOrganisersSeeUntilPublished() {
    String slug = slug();
    var created = http.postJson("/api/v1/programmes", programme(slug), auth(token));
    assertThat(created.status()).isEqualTo(201);
    JsonNode p = created.json();
    assertThat(p.get("status").asString()).isEqualTo("DRAFT");
    assertThat(p.get("title").asString()).isEqualTo("Права человека");
    assertThat(p.get("timeZone").asString()).isEqualTo("Asia/Almaty");
    String id = p.get("id").asString();
    assertThat(created.header("Location")).endsWith("/api/v1/programmes/" + id);

    assertThat(http.get("/api/v1/programmes/" + id).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/programmes/" + id, auth(otherToken)).status()).isEqualTo(404);
    assertThat(http.get("/programmes/" + slug).status()).isEqualTo(404);

    var published =
        http.patchJson("/api/v1/programmes/" + id, map("status", "PUBLISHED"), auth(token));
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
    assertThat(http.get("/api/v1/programmes/" + id).status()).isEqualTo(200);
    assertThat(http.get("/programmes/" + slug).status()).isEqualTo(200);
  }

  @Test
  void invalidProgrammesAre422WithFieldErrorsAndNothingIsSaved() {
    int before = count();
    String slug = slug();
    assertThat(http.postJson("/api/v1/programmes", programme(slug), auth(token)).status())
        .isEqualTo(201);

    var duplicate =
        http.postJson(
            "/api/v1/programmes",
            programme(slug),
            "Authorization",
            "Bearer " + token,
            "Accept-Language",
            "kk");
    assertThat(duplicate.status()).isEqualTo(422);
    assertThat(fields(duplicate.json())).contains("slug");
    assertThat(duplicate.json().get("errors").get(0).get("message").asString())
        .contains("мекенжай");

    var bad =
        http.postJson(
            "/api/v1/programmes",
            map(
                "slug",
                "Bad Slug!",
                "title",
                map("en", "x"),
                "timeZone",
                "Mars/Olympus",
                "languages",
                List.of("ru", "xx")),
            auth(token));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(fields(bad.json())).contains("slug", "timeZone", "languages");

    var noMainTitle =
        http.postJson(
            "/api/v1/programmes",
            map(
                "slug",
                slug(),
                "title",
                map("en", "Only English"),
                "timeZone",
                "Asia/Almaty",
                "languages",
                List.of("ru", "en")),
            auth(token));
    assertThat(noMainTitle.status()).isEqualTo(422);
    assertThat(fields(noMainTitle.json())).contains("title.ru");

    var tooLong =
        http.postJson(
            "/api/v1/programmes",
            map(
                "slug",
                slug(),
                "title",
                "x".repeat(5000),
                "timeZone",
                "Asia/Almaty",
                "languages",
                List.of("en")),
            auth(token));
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(fields(tooLong.json())).contains("title.en");
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void malformedJsonIs400AndMissingTokenIs401() {
    assertThat(
            http.postRaw("/api/v1/programmes", "application/json", "{not json", auth(token))
                .status())
        .isEqualTo(400);
    var noToken = http.postJson("/api/v1/programmes", programme(slug()));
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.get("/api/v1/programmes", "Authorization", "Bearer lct_forged").status())
        .isEqualTo(401);
  }

  @Test
  void anotherOrganisationCannotChangeAProgramme() {
    String id =
        http.postJson("/api/v1/programmes", programme(slug()), auth(token))
            .json()
            .get("id")
            .asString();
    http.patchJson("/api/v1/programmes/" + id, map("status", "PUBLISHED"), auth(token));
    var r = http.patchJson("/api/v1/programmes/" + id, map("capacity", 1), auth(otherToken));
    assertThat(r.status()).isEqualTo(403);
    assertThat(http.get("/api/v1/programmes/" + id).json().get("capacity").asInt()).isEqualTo(50);
  }

  @Test
  void idempotencyKeyReplaysTheFirstAnswer() {
    int before = count();
    String key = UUID.randomUUID().toString();
    Object body = programme(slug());
    var first =
        http.postJson(
            "/api/v1/programmes", body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
    var again =
        http.postJson(
            "/api/v1/programmes", body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(count()).isEqualTo(before + 1);
    var other =
        http.postJson(
            "/api/v1/programmes",
            programme(slug()),
            "Authorization",
            "Bearer " + token,
            "Idempotency-Key",
            key);
    assertThat(other.status()).isEqualTo(422);
  }

  @Test
  void sessionsAreCheckedAgainstTheirProgramme() {
    String id =
        http.postJson("/api/v1/programmes", programme(slug()), auth(token))
            .json()
            .get("id")
            .asString();
    String path = "/api/v1/programmes/" + id + "/sessions";
    var ok =
        http.postJson(
            path,
            map(
                "title",
                "Справедливое судебное разбирательство",
                "startsAt",
                "2021-02-09T10:00:00+06:00",
                "endsAt",
                "2021-02-09T12:00:00+06:00",
                "mode",
                "ONLINE",
                "iccprArticles",
                List.of(14),
                "meeting",
                map("provider", "ZOOM", "url", "https://zoom.example.org/j/1")),
            auth(token));
    assertThat(ok.status()).isEqualTo(201);
    assertThat(ok.json().get("startsAt").asString()).isEqualTo("2021-02-09T10:00:00+06:00");
    assertThat(ok.json().get("language").asString()).isEqualTo("ru");

    var backwards =
        http.postJson(
            path,
            map(
                "title",
                "x",
                "startsAt",
                "2021-02-09T12:00:00+06:00",
                "endsAt",
                "2021-02-09T10:00:00+06:00",
                "mode",
                "ONLINE"),
            auth(token));
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(fields(backwards.json())).contains("endsAt");

    var wrongLanguage =
        http.postJson(
            path,
            map(
                "title",
                "x",
                "startsAt",
                "2021-02-09T10:00:00+06:00",
                "endsAt",
                "2021-02-09T12:00:00+06:00",
                "mode",
                "ONLINE",
                "language",
                "kk",
                "iccprArticles",
                List.of(99)),
            auth(token));
    assertThat(wrongLanguage.status()).isEqualTo(422);
    assertThat(fields(wrongLanguage.json())).contains("language", "iccprArticles");

    var badDate =
        http.postJson(
            path,
            map(
                "title",
                "x",
                "startsAt",
                "tomorrow",
                "endsAt",
                "2021-02-09T12:00:00+06:00",
                "mode",
                "ONLINE"),
            auth(token));
    assertThat(badDate.status()).isEqualTo(422);
    assertThat(fields(badDate.json())).contains("startsAt");

    var list = http.get(path, auth(token));
    assertThat(list.header("X-Total-Count")).isEqualTo("1");
    assertThat(list.json().get(0).get("meeting").get("url").asString()).contains("zoom");
    http.patchJson("/api/v1/programmes/" + id, map("status", "PUBLISHED"), auth(token));
    var anonymous = http.get(path);
    assertThat(anonymous.json().get(0).has("meeting")).isFalse();
    assertThat(anonymous.body()).doesNotContain("zoom.example.org");
  }

  @Test
  void listsArePagedWithATotal() {
    for (int i = 0; i < 3; i++) {
      http.postJson("/api/v1/programmes", programme(slug()), auth(token));
    }
    var page = http.get("/api/v1/programmes?limit=2&offset=0", auth(token));
    assertThat(page.json().size()).isEqualTo(2);
    assertThat(Integer.parseInt(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(3);
    assertThat(http.get("/api/v1/programmes?limit=0", auth(token)).status()).isEqualTo(422);
    assertThat(http.get("/api/v1/programmes?limit=1000", auth(token)).status()).isEqualTo(200);
  }

  int count() {
    return jdbc.sql("select count(*) from programme").query(Integer.class).single();
  }

  static List<String> fields(JsonNode problem) {
    List<String> out = new java.util.ArrayList<>();
    problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
    return out;
  }
}
