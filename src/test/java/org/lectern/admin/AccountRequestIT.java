package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.identity.ApiTokenService;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An organisation administrator asking for an account ({@code POST /api/v1/users}, the new-account
 * page) with the address of an existing account — here the rights centre's organiser — gets exactly
 * the answer for a new address (status, headers, body but for the address), and nothing of that
 * account changes: no membership, the same name and password; its holder is mailed instead. The new
 * address does get its account, so the test cannot pass by creating nothing. A platform
 * administrator, who sees every account, is still told 409.
 */
class AccountRequestIT extends BackOfficeFixture {

  static final String DANA = "dana@bar-admin.example";
  static final String ROOT = "root@accounts.example";

  @Autowired ApiTokenService tokens;

  UUID dana;
  UUID root;

  @BeforeAll
  void barAdministratorAndPlatformAdministrator() {
    dana = users.create(DANA, "Dana Bar Admin", PASSWORD, false);
    users.grantOrganisationRole(bar, dana, "ADMIN");
    root = users.create(ROOT, "Root Admin", PASSWORD, true);
  }

  @Test
  void theApiAnswersAnExistingAddressAsANewOne() {
    Http api = new Http(baseUrl());
    String admin = "Bearer " + tokens.issue(dana, "test").token();
    String fresh = fresh();
    String before = account(bolat.id());
    int accounts = count("app_user");

    var taken = api.postJson("/api/v1/users", body(BOLAT, "Bolat?"), "Authorization", admin);
    var free = api.postJson("/api/v1/users", body(fresh, "Bolat?"), "Authorization", admin);
    assertThat(taken.status()).as(taken.body()).isEqualTo(202);
    same(taken, BOLAT, free, fresh);
    assertThat(taken.body())
        .doesNotContain("Bolat Organiser")
        .doesNotContain(bolat.id().toString());

    // With a password too: the same 202, the existing password untouched.
    String fresh2 = fresh();
    var takenPw =
        api.postJson(
            "/api/v1/users",
            withPassword(BOLAT.toUpperCase()),
            "Authorization",
            admin,
            "Idempotency-Key",
            UUID.randomUUID().toString());
    var freePw =
        api.postJson(
            "/api/v1/users",
            withPassword(fresh2),
            "Authorization",
            admin,
            "Idempotency-Key",
            UUID.randomUUID().toString());
    same(takenPw, BOLAT.toUpperCase(), freePw, fresh2);

    // Bad input is refused alike, before the address is looked at.
    var badTaken = api.postJson("/api/v1/users", body(BOLAT, ""), "Authorization", admin);
    var badFree = api.postJson("/api/v1/users", body(fresh(), ""), "Authorization", admin);
    assertThat(badTaken.status()).isEqualTo(422);
    assertThat(badTaken.body()).isEqualTo(badFree.body());

    // The new addresses got accounts; the existing one is unchanged and in no new organisation.
    assertThat(count("app_user")).isEqualTo(accounts + 2);
    assertThat(users.findByEmail(fresh)).isPresent();
    assertThat(account(bolat.id())).isEqualTo(before);
    assertThat(memberships(bolat.id())).isOne();
    // Its holder is told, through the outbox.
    await().atMost(Duration.ofSeconds(20)).until(() -> told(bolat.id()) == 2);

    // The control: a platform administrator is still told that the address is taken.
    String platform = "Bearer " + tokens.issue(root, "test").token();
    var conflict = api.postJson("/api/v1/users", body(BOLAT, "B"), "Authorization", platform);
    assertThat(conflict.status()).isEqualTo(409);
  }

  @Test
  void thePageAnswersAnExistingAddressAsANewOne() {
    WebSession web = signedIn(DANA);
    String fresh = fresh();
    String before = account(bolat.id());
    int told = told(bolat.id());

    var taken = web.post("/admin/users", form(BOLAT));
    var free = web.post("/admin/users", form(fresh));
    assertThat(taken.statusCode()).isEqualTo(302);
    assertThat(free.statusCode()).isEqualTo(302);
    String takenAt = taken.headers().firstValue("Location").orElseThrow();
    String freeAt = free.headers().firstValue("Location").orElseThrow();
    assertThat(takenAt.replace(encoded(BOLAT), "A")).isEqualTo(freeAt.replace(encoded(fresh), "A"));
    String takenPage = web.get(pathOf(takenAt)).body();
    String freePage = web.get(pathOf(freeAt)).body();
    assertThat(page(takenPage, BOLAT)).isEqualTo(page(freePage, fresh));
    assertThat(takenPage).doesNotContain("Bolat Organiser");

    assertThat(users.findByEmail(fresh)).isPresent();
    assertThat(account(bolat.id())).isEqualTo(before);
    await().atMost(Duration.ofSeconds(20)).until(() -> told(bolat.id()) == told + 1);
  }

  private static String fresh() {
    return "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  private static Map<String, String> body(String email, String fullName) {
    return Map.of("email", email, "fullName", fullName, "language", "ru");
  }

  private static Map<String, String> withPassword(String email) {
    return Map.of("email", email, "fullName", "Someone", "password", "tulip-glacier-echo-42");
  }

  private static Form form(String email) {
    return new Form().add("email", email).add("fullName", "Someone").add("language", "kk");
  }

  private static String pathOf(String location) {
    var uri = java.net.URI.create(location);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static String encoded(String address) {
    return org.springframework.web.util.UriUtils.encode(address, "UTF-8");
  }

  /** Status, the headers a client reads, and the body but for the address asked for. */
  private static void same(Http.Response got, String address, Http.Response none, String other) {
    assertThat(got.status()).isEqualTo(none.status());
    for (String h : List.of("Content-Type", "Location", "Cache-Control", "Content-Language")) {
      assertThat(got.header(h)).as(h).isEqualTo(none.header(h));
    }
    assertThat(got.body().replace(address, "A")).isEqualTo(none.body().replace(other, "A"));
  }

  private static String page(String body, String address) {
    return body.replace(address, "ADDRESS")
        .replace(encoded(address), "ADDRESS")
        .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
        .replaceAll("content=\"[^\"]*\" name=\"_csrf\"", "name=\"_csrf\"");
  }

  private String account(UUID id) {
    return jdbc.sql(
            "select email || '|' || full_name || '|' || coalesce(password_hash, '-')"
                + " from app_user where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private int memberships(UUID user) {
    return jdbc.sql("select count(*) from organisation_member where user_id = :u")
        .param("u", user)
        .query(Integer.class)
        .single();
  }

  private int told(UUID user) {
    return jdbc.sql(
            "select count(*) from mail_outbox where kind = 'identity.accountExists'"
                + " and related_id = :u")
        .param("u", user)
        .query(Integer.class)
        .single();
  }
}
