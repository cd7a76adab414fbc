package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Account lifecycle through the web and the API: changing the password, disabling and re-enabling
 * (sessions and tokens stop at the next request), named tokens listed and revoked by their owner.
 */
class AccountLifecycleIT extends IntegrationTest {

  static final String NEW_PASSWORD = "steppe-lantern-quiet-71";

  @Autowired Fixtures fixtures;
  @Autowired UserService users;

  Http http;
  LecternUser root;
  String rootToken;

  @BeforeAll
  void platformAdmin() {
    http = new Http(baseUrl());
    String email = "root-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    root = users.find(users.create(email, "Root Admin", Fixtures.PASSWORD, true)).orElseThrow();
    rootToken = token(email, Fixtures.PASSWORD);
  }

  String token(String email, String password) {
    var r = http.postJson("/api/v1/auth/tokens", map("email", email, "password", password));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("token").asString();
  }

  String hashOf(UUID user) {
    return jdbc.sql("select password_hash from app_user where id = :u")
        .param("u", user)
        .query(String.class)
        .single();
  }

  @Test
  void changingThePasswordChecksTheCurrentOneAndTheRuleThenEndsOtherSessions() {
    var u = fixtures.organiser("pw");
    String before = hashOf(u.id());
    var mine = new WebSession(baseUrl()).signIn(u.email(), Fixtures.PASSWORD);
    var other = new WebSession(baseUrl()).signIn(u.email(), Fixtures.PASSWORD);

    var wrong =
        mine.post(
            "/admin/account/password",
            new Form().add("currentPassword", "not-my-password").add("newPassword", NEW_PASSWORD));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("The current password is not correct.");
    var tooShort =
        mine.post(
            "/admin/account/password",
            new Form().add("currentPassword", Fixtures.PASSWORD).add("newPassword", "short-pw"));
    assertThat(tooShort.statusCode()).isEqualTo(422);
    assertThat(tooShort.body()).contains("at least 12 characters");
    var common =
        mine.post(
            "/admin/account/password",
            new Form()
                .add("currentPassword", Fixtures.PASSWORD)
                .add("newPassword", "password1234"));
    assertThat(common.statusCode()).isEqualTo(422);
    assertThat(common.body()).contains("too common or too easy to guess");
    assertThat(hashOf(u.id())).as("refused changes change nothing").isEqualTo(before);
    assertThat(other.get("/admin").statusCode()).isEqualTo(200);

    var done =
        mine.post(
            "/admin/account/password",
            new Form().add("currentPassword", Fixtures.PASSWORD).add("newPassword", NEW_PASSWORD));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(mine.get("/admin/account").statusCode()).as("this session goes on").isEqualTo(200);
    var ended = other.get("/admin");
    assertThat(ended.statusCode()).as("the other session ends").isEqualTo(302);
    assertThat(ended.headers().firstValue("Location").orElse(""))
        .matches(
            ".*/login(\\?ended)?"); // the session is gone (deleted on every node) or ended by the
    // check
    assertThat(other.get("/admin").headers().firstValue("Location").orElse("")).endsWith("/login");

    var old =
        http.postJson(
            "/api/v1/auth/tokens", map("email", u.email(), "password", Fixtures.PASSWORD));
    assertThat(old.status()).isEqualTo(401);
    assertThat(token(u.email(), NEW_PASSWORD)).startsWith("lct_");
    assertThat(auditCount(u.id(), "account.passwordChanged")).isEqualTo(1);
  }

  @Test
  void thePasswordChangesThroughTheApiWithTheSameRules() {
    var u = fixtures.organiser("pwapi");
    String t = token(u.email(), Fixtures.PASSWORD);
    var weak =
        http.postJson(
            "/api/v1/auth/password",
            map("currentPassword", Fixtures.PASSWORD, "newPassword", "qwertyuiop123"),
            "Authorization",
            "Bearer " + t);
    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
    var ok =
        http.postJson(
            "/api/v1/auth/password",
            map("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD),
            "Authorization",
            "Bearer " + t);
    assertThat(ok.status()).isEqualTo(204);
    assertThat(token(u.email(), NEW_PASSWORD)).startsWith("lct_");
  }

  @Test
  void aDisabledAccountIsSignedOutEverywhereAndCannotSignInUntilReEnabled() {
    var u = fixtures.organiser("dis");
    var session = new WebSession(baseUrl()).signIn(u.email(), Fixtures.PASSWORD);
    String t = token(u.email(), Fixtures.PASSWORD);
    assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + t).status())
        .isEqualTo(200);

    var patch =
        http.patchJson(
            "/api/v1/users/" + u.id(),
            map("disabled", true),
            "Authorization",
            "Bearer " + rootToken);
    assertThat(patch.status()).as(patch.body()).isEqualTo(200);
    assertThat(patch.json().get("disabled").asBoolean()).isTrue();

    var next = session.get("/admin");
    assertThat(next.statusCode()).isEqualTo(302);
    assertThat(next.headers().firstValue("Location").orElse(""))
        .matches(
            ".*/login(\\?ended)?"); // the session is gone (deleted on every node) or ended by the
    // check
    assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + t).status())
        .isEqualTo(401);
    var signIn =
        http.postJson(
            "/api/v1/auth/tokens", map("email", u.email(), "password", Fixtures.PASSWORD));
    assertThat(signIn.status()).isEqualTo(401);
    assertThat(signIn.json().get("code").asString()).isEqualTo("identity.badCredentials");
    var web = new WebSession(baseUrl());
    String csrf = WebSession.csrfOf(web.get("/login"));
    var refused =
        web.post(
            "/login", csrf, new Form().add("email", u.email()).add("password", Fixtures.PASSWORD));
    assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?error");

    var enable =
        http.patchJson(
            "/api/v1/users/" + u.id(),
            map("disabled", false),
            "Authorization",
            "Bearer " + rootToken);
    assertThat(enable.status()).isEqualTo(200);
    assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + t).status())
        .as("its tokens work again")
        .isEqualTo(200);
    new WebSession(baseUrl()).signIn(u.email(), Fixtures.PASSWORD);
    assertThat(auditCount(u.id(), "account.disabled")).isEqualTo(1);
    assertThat(auditCount(u.id(), "account.enabled")).isEqualTo(1);
  }

  @Test
  void organisationAdministratorsDisableOnlyTheirOwnMembers() {
    var member = fixtures.organiser("mem");
    UUID org = fixtures.organisationOf(member);
    var admin = fixtures.organiser("adm");
    users.grantOrganisationRole(org, admin.id(), "ADMIN");
    var stranger = fixtures.organiser("str");
    String adminToken = token(admin.email(), Fixtures.PASSWORD);

    var foreign =
        http.patchJson(
            "/api/v1/users/" + stranger.id(),
            map("disabled", true),
            "Authorization",
            "Bearer " + adminToken);
    assertThat(foreign.status()).isEqualTo(404);
    var rootTry =
        http.patchJson(
            "/api/v1/users/" + root.id(),
            map("disabled", true),
            "Authorization",
            "Bearer " + adminToken);
    assertThat(rootTry.status()).isEqualTo(404);
    var memberToken = token(member.email(), Fixtures.PASSWORD);
    var byMember =
        http.patchJson(
            "/api/v1/users/" + admin.id(),
            map("disabled", true),
            "Authorization",
            "Bearer " + memberToken);
    assertThat(byMember.status()).isEqualTo(404);
    var bad =
        http.patchJson(
            "/api/v1/users/" + member.id(),
            map("disabled", "maybe"),
            "Authorization",
            "Bearer " + adminToken);
    assertThat(bad.status()).isBetween(400, 422);
    var self =
        http.patchJson(
            "/api/v1/users/" + admin.id(),
            map("disabled", true),
            "Authorization",
            "Bearer " + adminToken);
    assertThat(self.status()).isEqualTo(409);
    assertThat(disabled(stranger.id()) || disabled(root.id()) || disabled(admin.id())).isFalse();

    var web = new WebSession(baseUrl()).signIn(admin.email(), Fixtures.PASSWORD);
    var page = web.get("/admin/accounts");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(member.email()).doesNotContain(stranger.email());
    var done = web.post("/admin/accounts/" + member.id() + "/disable", new Form());
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(disabled(member.id())).isTrue();
    assertThat(web.post("/admin/accounts/" + stranger.id() + "/disable", new Form()).statusCode())
        .isEqualTo(404);
    web.post("/admin/accounts/" + member.id() + "/enable", new Form());
    assertThat(disabled(member.id())).isFalse();
    var plain = new WebSession(baseUrl()).signIn(stranger.email(), Fixtures.PASSWORD);
    assertThat(plain.get("/admin/accounts").statusCode()).isEqualTo(403);
  }

  @Test
  void ownersListCreateAndRevokeNamedTokens() {
    var u = fixtures.organiser("tok");
    var other = fixtures.organiser("tok2");
    var issued =
        http.postJson(
            "/api/v1/auth/tokens",
            map(
                "email",
                u.email(),
                "password",
                Fixtures.PASSWORD,
                "name",
                "Reports script",
                "expiresInDays",
                7));
    assertThat(issued.status()).isEqualTo(201);
    String id = issued.json().get("id").asString();
    String t = issued.json().get("token").asString();
    var tooLong =
        http.postJson(
            "/api/v1/auth/tokens",
            map("email", u.email(), "password", Fixtures.PASSWORD, "expiresInDays", 366));
    assertThat(tooLong.status()).isEqualTo(422);

    var list = http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + t);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("Reports script").doesNotContain(t);
    assertThat(list.json().size()).isEqualTo(1);

    String otherToken = token(other.email(), Fixtures.PASSWORD);
    assertThat(
            http.delete("/api/v1/auth/tokens/" + id, "Authorization", "Bearer " + otherToken)
                .status())
        .as("someone else's token")
        .isEqualTo(404);
    assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + t).status())
        .isEqualTo(200);
    assertThat(http.delete("/api/v1/auth/tokens/" + id, "Authorization", "Bearer " + t).status())
        .isEqualTo(204);
    assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + t).status())
        .as("a revoked token")
        .isEqualTo(401);

    String expiring = token(u.email(), Fixtures.PASSWORD);
    jdbc.sql("update api_token set expires_at = now() - interval '1 minute' where user_id = :u")
        .param("u", u.id())
        .update();
    assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + expiring).status())
        .as("an expired token")
        .isEqualTo(401);

    var web = new WebSession(baseUrl()).signIn(u.email(), Fixtures.PASSWORD);
    var created =
        web.post("/admin/account/tokens", new Form().add("name", "Laptop").add("days", "90"));
    assertThat(created.statusCode()).isEqualTo(200);
    var secret =
        java.util.regex.Pattern.compile("value=\"(lct_[A-Za-z0-9_-]+)\"").matcher(created.body());
    assertThat(secret.find()).isTrue();
    var page = web.get("/admin/account");
    assertThat(page.body()).contains("Laptop").doesNotContain(secret.group(1));
    String webId =
        jdbc.sql("select id::text from api_token where user_id = :u and name = 'Laptop'")
            .param("u", u.id())
            .query(String.class)
            .single();
    assertThat(web.post("/admin/account/tokens/" + webId + "/revoke", new Form()).statusCode())
        .isEqualTo(302);
    assertThat(
            http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + secret.group(1)).status())
        .isEqualTo(401);
  }

  boolean disabled(UUID user) {
    return jdbc.sql("select disabled_at is not null from app_user where id = :u")
        .param("u", user)
        .query(Boolean.class)
        .single();
  }

  int auditCount(UUID subject, String action) {
    return jdbc.sql("select count(*) from audit_entry where subject_id = :s and action = :a")
        .param("s", subject.toString())
        .param("a", action)
        .query(Integer.class)
        .single();
  }
}
