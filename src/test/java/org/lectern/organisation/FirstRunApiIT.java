package org.lectern.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.support.Http.map;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.identity.UserService;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.lectern.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new installation, through the API alone: with no organisation at all, a platform administrator
 * sets one up and goes on to a published programme whose registration form answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunApiIT extends IntegrationTest {

  @Autowired UserService users;

  Http http;
  String admin;

  @BeforeAll
  void nothingYet() {
    TestData.clean(jdbc);
    http = new Http(baseUrl());
    users.create("root@example.org", "Platform Admin", Fixtures.PASSWORD, true);
    admin = token("root@example.org");
  }

  String token(String email) {
    var r =
        http.postJson("/api/v1/auth/tokens", map("email", email, "password", Fixtures.PASSWORD));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("token").asString();
  }

  static String[] auth(String t) {
    return new String[] {"Authorization", "Bearer " + t, "Accept-Language", "en"};
  }

  Object programme(String slug) {
    return map(
        "slug",
        slug,
        "title",
        map("kk", "Адам құқықтары", "ru", "Права человека"),
        "timeZone",
        "Asia/Almaty",
        "languages",
        List.of("kk", "ru"));
  }

  @Test
  @Order(1)
  void fromNothingToAPublishedProgrammeWithARegistrationForm() {
    var none = http.get("/api/v1/organisations", auth(admin));
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.header("X-Total-Count")).isEqualTo("0");

    var early = http.postJson("/api/v1/programmes", programme("too-early"), auth(admin));
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.json().get("code").asString()).isEqualTo("programme.noOrganisation");
    assertThat(early.json().get("detail").asString()).contains("/api/v1/organisations");

    var created =
        http.postJson(
            "/api/v1/organisations",
            map(
                "name",
                map(
                    "en", "Bar Committee of Almaty",
                    "ru", "Комитет адвокатов Алматы",
                    "kk", "Алматы адвокаттар комитеті"),
                "shortName",
                "BCA"),
            auth(admin));
    assertThat(created.status()).isEqualTo(201);
    var org = created.json();
    assertThat(org.get("slug").asString()).isEqualTo("bar-committee-of-almaty");
    assertThat(org.get("mainCentres").toString()).isEqualTo("[\"KZ-75\",\"KZ-71\"]");
    assertThat(org.get("role").asString()).isEqualTo("ADMIN");
    String orgId = org.get("id").asString();

    var p = http.postJson("/api/v1/programmes", programme("first-run"), auth(admin));
    assertThat(p.status()).isEqualTo(201);
    assertThat(p.json().get("organisationId").asString()).isEqualTo(orgId);
    String pid = p.json().get("id").asString();

    var session =
        http.postJson(
            "/api/v1/programmes/" + pid + "/sessions",
            map(
                "title", map("kk", "Жиналыс бостандығы", "ru", "Свобода собраний"),
                "startsAt", "2027-03-11T10:00:00+05:00",
                "endsAt", "2027-03-11T12:00:00+05:00",
                "mode", "ONLINE"),
            auth(admin));
    assertThat(session.status()).isEqualTo(201);
    var published =
        http.patchJson("/api/v1/programmes/" + pid, map("status", "PUBLISHED"), auth(admin));
    assertThat(published.status()).isEqualTo(200);

    assertThat(http.get("/programmes/first-run/register").status()).isEqualTo(200);
    // Its certificate signing key is made when the organisation is set up.
    assertThat(eventually(() -> signingKeys(UUID.fromString(orgId)) == 1)).isTrue();
  }

  @Test
  @Order(2)
  void withSeveralOrganisationsTheProgrammeNamesOne() {
    var second =
        http.postJson(
            "/api/v1/organisations",
            map("name", "Legal Research Centre", "slug", "lrc", "mainCentres", List.of("KZ-75")),
            auth(admin));
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("mainCentres").toString()).isEqualTo("[\"KZ-75\"]");

    int before = programmes();
    var r = http.postJson("/api/v1/programmes", programme("which-one"), auth(admin));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("code").asString()).isEqualTo("programme.organisationRequired");
    var error = r.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("organisationId");
    assertThat(error.get("message").asString())
        .contains("Bar Committee of Almaty")
        .contains("Legal Research Centre")
        .contains(second.json().get("id").asString());
    assertThat(programmes()).isEqualTo(before);

    var chosen =
        http.postJson(
            "/api/v1/programmes",
            Map.of(
                "slug", "which-one",
                "title", "Research",
                "timeZone", "Asia/Almaty",
                "languages", List.of("en"),
                "organisationId", second.json().get("id").asString()),
            auth(admin));
    assertThat(chosen.status()).isEqualTo(201);

    var page = http.get("/api/v1/organisations?limit=1&offset=1", auth(admin));
    assertThat(page.header("X-Total-Count")).isEqualTo("2");
    assertThat(page.json().size()).isEqualTo(1);
  }

  int programmes() {
    return jdbc.sql("select count(*) from programme").query(Integer.class).single();
  }

  int signingKeys(UUID org) {
    return jdbc.sql("select count(*) from certificate_signing_key where organisation_id = :o")
        .param("o", org)
        .query(Integer.class)
        .single();
  }

  static boolean eventually(java.util.function.BooleanSupplier condition) {
    try {
      await().atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
      return true;
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      return false;
    }
  }
}
