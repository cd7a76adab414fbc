package org.lectern.shared.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The one rule for text (API.md "Text input"): control characters and broken surrogates are refused
 * with 422 naming the field, text is stored in NFC, unknown fields and wrong types are refused by
 * name, and a refused request changes nothing.
 */
class TextInputApiIT extends IntegrationTest {

  @Autowired Fixtures fixtures;

  Http http;
  String token;
  String programmeId;

  @BeforeAll
  void programme() {
    http = new Http(baseUrl());
    var u = fixtures.organiser("text");
    token =
        http.postJson("/api/v1/auth/tokens", map("email", u.email(), "password", Fixtures.PASSWORD))
            .json()
            .get("token")
            .asString();
    var created =
        http.postJson(
            "/api/v1/programmes",
            map(
                "slug",
                "text-" + UUID.randomUUID().toString().substring(0, 8),
                "title",
                "Human rights",
                "timeZone",
                "Asia/Almaty",
                "languages",
                List.of("en")),
            auth());
    assertThat(created.status()).isEqualTo(201);
    programmeId = created.json().get("id").asString();
  }

  String[] auth(String... more) {
    List<String> h = new ArrayList<>(List.of("Authorization", "Bearer " + token));
    h.addAll(List.of(more));
    return h.toArray(String[]::new);
  }

  String title() {
    return jdbc.sql("select title::text from programme where id = ?::uuid")
        .param(programmeId)
        .query(String.class)
        .single();
  }

  void assertRefused(Http.Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonNode json = r.json();
    assertThat(json.get("status").asInt()).isEqualTo(status);
    assertThat(json.get("title").asString()).isNotBlank();
    if (field != null) {
      List<String> fields = new ArrayList<>();
      json.get("errors").forEach(e -> fields.add(e.get("field").asString()));
      assertThat(fields).contains(field);
      assertThat(json.get("errors").get(0).get("message").asString()).isNotBlank();
    }
  }

  @Test
  void nulInTitleOrDescriptionIs422NamingTheFieldAndChangesNothing() {
    String before = title();
    for (String field : List.of("title", "description")) {
      var r =
          http.patchJson(
              "/api/v1/programmes/" + programmeId, map(field, "Human\u0000 rights"), auth());
      assertRefused(r, 422, field);
    }
    var r =
        http.patchJson(
            "/api/v1/programmes/" + programmeId,
            map("title", map("en", "Bell\u0007 rights")),
            auth("Accept-Language", "ru"));
    assertRefused(r, 422, "title");
    assertThat(r.json().get("errors").get(0).get("message").asString()).containsPattern("[а-я]");
    assertThat(title()).isEqualTo(before);
  }

  @Test
  void aLoneSurrogateIsRefused() {
    var r =
        http.patchJson(
            "/api/v1/programmes/" + programmeId, "{\"title\": \"Rights \\ud800 here\"}", auth());
    assertRefused(r, 422, "title");
  }

  @Test
  void lineBreaksAndTabsAreKeptInFreeText() {
    var r =
        http.patchJson(
            "/api/v1/programmes/" + programmeId,
            map("description", "First line\n\tSecond line"),
            auth());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @Test
  void unknownFieldsAndWrongTypesAre422NamingTheField() {
    String before = title();
    assertRefused(
        http.patchJson(
            "/api/v1/programmes/" + programmeId, map("title", "New", "colour", "red"), auth()),
        422,
        "colour");
    assertRefused(
        http.patchJson("/api/v1/programmes/" + programmeId, map("capacity", "many"), auth()),
        422,
        "capacity");
    assertRefused(
        http.patchJson("/api/v1/programmes/" + programmeId, map("capacity", List.of(1, 2)), auth()),
        422,
        "capacity");
    assertRefused(
        http.patchJson("/api/v1/programmes/" + programmeId, "{\"title\": ", auth()), 400, null);
    assertRefused(
        http.patchJson(
            "/api/v1/programmes/" + programmeId, "{\"title\": \"A\", \"title\": \"B\"}", auth()),
        400,
        null);
    assertRefused(
        http.patchJson("/api/v1/programmes/" + programmeId, "[".repeat(10_000), auth()), 400, null);
    assertThat(title()).isEqualTo(before);
  }

  @Test
  void textIsStoredInNfcSoANameTypedTwoWaysIsOneName() {
    // Ә has one encoding; Й and Ё have two (a letter, or И/Е with a combining mark).
    String composed = Normalizer.normalize("Әлия Йолдасқызы Ёлкина", Normalizer.Form.NFC);
    String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo(composed);
    var p =
        http.patchJson(
            "/api/v1/programmes/" + programmeId,
            map("title", decomposed, "status", "PUBLISHED"),
            auth());
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    assertThat(p.json().get("title").asString()).isEqualTo(composed);

    var reg =
        http.postJson(
            "/api/v1/programmes/" + programmeId + "/registrations",
            map("email", "aliya@example.org", "fullName", decomposed, "consent", true),
            auth());
    assertThat(reg.status()).as(reg.body()).isIn(200, 201, 202);
    for (String typed : List.of(composed, decomposed)) {
      var found =
          http.get(
              "/api/v1/programmes/"
                  + programmeId
                  + "/registrations?search="
                  + Http.enc(typed.substring(typed.indexOf(' ') + 1)),
              auth());
      assertThat(found.status()).isEqualTo(200);
      assertThat(found.json().size()).as("search for %s", typed).isEqualTo(1);
      assertThat(found.json().get(0).get("fullName").asString()).isEqualTo(composed);
    }
  }

  @Test
  void aFieldTheProgrammeDoesNotCollectIsRefusedNotDropped() {
    http.patchJson("/api/v1/programmes/" + programmeId, map("status", "PUBLISHED"), auth());
    int before = jdbc.sql("select count(*) from registration").query(Integer.class).single();
    var r =
        http.postJson(
            "/api/v1/programmes/" + programmeId + "/registrations",
            map(
                "email", "gender@example.org",
                "fullName", "Gulnar Example",
                "gender", "female",
                "phone", "+7 701 000 00 00"),
            auth());
    assertRefused(r, 422, "gender");
    List<String> fields = new ArrayList<>();
    r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).contains("gender", "phone");
    assertThat(jdbc.sql("select count(*) from registration").query(Integer.class).single())
        .isEqualTo(before);
  }
}
