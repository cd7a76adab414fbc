package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.support.Http.map;

import com.icegreen.greenmail.util.GreenMail;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.notification.MailFixtures;
import org.lectern.notification.OutboxDrain;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Accounts and programme roles through the API: create, invite by e-mail, grant, and funders. */
class UsersAndRolesIT extends IntegrationTest {

  static final int SMTP_PORT = MailFixtures.freePort();
  static final GreenMail smtp = MailFixtures.smtp(SMTP_PORT);
  static final Pattern LINK = Pattern.compile("(/invitation/[A-Za-z0-9_-]+)");

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired UserService users;
  @Autowired Fixtures fixtures;
  @Autowired OutboxDrain sender;

  Http http;
  String admin;

  @BeforeAll
  void admin() {
    http = new Http(baseUrl());
    String email = "root-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    users.create(email, "Platform Admin", Fixtures.PASSWORD, true);
    admin = token(email, Fixtures.PASSWORD);
  }

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  String token(String email, String password) {
    var r = http.postJson("/api/v1/auth/tokens", map("email", email, "password", password));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("token").asString();
  }

  @Test
  void anAdministratorCreatesAnAccountWithAPassword() {
    String email = "speaker-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    var r =
        http.postJson(
            "/api/v1/users",
            map("email", email, "fullName", "Speaker", "password", "tulip-glacier-echo-42"),
            "Authorization",
            "Bearer " + admin);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("id").asString()).isNotBlank();
    assertThat(token(email, "tulip-glacier-echo-42")).startsWith("lct_");

    var again =
        http.postJson(
            "/api/v1/users",
            map(
                "email",
                email.toUpperCase(),
                "fullName",
                "Again",
                "password",
                "tulip-glacier-echo-42"),
            "Authorization",
            "Bearer " + admin);
    assertThat(again.status()).isEqualTo(409);
    var bad =
        http.postJson(
            "/api/v1/users",
            map("email", "not-an-email", "fullName", ""),
            "Authorization",
            "Bearer " + admin,
            "Accept-Language",
            "ru");
    assertThat(bad.status()).isEqualTo(422);
  }

  @Test
  void withoutAPasswordTheUserIsInvitedByEMailAndSetsOne() throws Exception {
    String email = "invitee-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    var r =
        http.postJson(
            "/api/v1/users",
            map("email", email, "fullName", "Invited Person", "language", "kk"),
            "Authorization",
            "Bearer " + admin);
    assertThat(r.status()).isEqualTo(201);
    // Module listeners run after commit on a background thread: wait (bounded) for the mail.
    await().atMost(java.time.Duration.ofSeconds(20)).until(() -> invitationsQueued() > 0);
    assertThat(invitationsQueued()).isPositive();
    sender.sendDue();
    var mail =
        java.util.Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> MailFixtures.recipientIs(m, email))
            .findFirst()
            .orElseThrow();
    Matcher link = LINK.matcher(MailFixtures.part(mail, "text/plain"));
    assertThat(link.find()).isTrue();

    Http browser = new Http(baseUrl());
    var form = browser.get(link.group(1));
    assertThat(form.status()).isEqualTo(200);
    String csrf = csrf(form.body());
    var tooShort =
        browser.postForm(link.group(1), java.util.Map.of("password", "short", "_csrf", csrf));
    assertThat(tooShort.status()).isEqualTo(422);
    var set =
        browser.postForm(
            link.group(1),
            java.util.Map.of("password", "orchid violin harbour", "_csrf", csrf(tooShort.body())));
    assertThat(set.status()).isBetween(302, 303);
    assertThat(token(email, "orchid violin harbour")).startsWith("lct_");
    assertThat(browser.get(link.group(1)).status()).as("the link works once").isEqualTo(404);
  }

  @Test
  void organisersCannotCreateAccountsButCanMakeSomeoneAFunder() {
    var organiser = fixtures.organiser("roles");
    String organiserToken = token(organiser.email(), Fixtures.PASSWORD);
    var refused =
        http.postJson(
            "/api/v1/users",
            map("email", "x@example.org", "fullName", "X", "password", "tulip-glacier-echo-42"),
            "Authorization",
            "Bearer " + organiserToken);
    assertThat(refused.status()).isEqualTo(403);

    String funderEmail = "funder-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    String funderId =
        http.postJson(
                "/api/v1/users",
                map(
                    "email",
                    funderEmail,
                    "fullName",
                    "Funder",
                    "password",
                    "tulip-glacier-echo-42"),
                "Authorization",
                "Bearer " + admin)
            .json()
            .get("id")
            .asString();
    String pid =
        http.postJson(
                "/api/v1/programmes",
                map(
                    "slug",
                    "roles-" + UUID.randomUUID().toString().substring(0, 6),
                    "title",
                    "Roles",
                    "timeZone",
                    "Asia/Almaty",
                    "languages",
                    List.of("en")),
                "Authorization",
                "Bearer " + organiserToken)
            .json()
            .get("id")
            .asString();
    var grant =
        http.postJson(
            "/api/v1/programmes/" + pid + "/members",
            map("userId", funderId, "role", "FUNDER"),
            "Authorization",
            "Bearer " + organiserToken);
    assertThat(grant.status()).isEqualTo(201);
    var wrongRole =
        http.postJson(
            "/api/v1/programmes/" + pid + "/members",
            map("userId", funderId, "role", "OWNER"),
            "Authorization",
            "Bearer " + organiserToken);
    assertThat(wrongRole.status()).isEqualTo(422);

    Http web = new Http(baseUrl());
    var signedIn =
        web.postForm(
            "/login",
            java.util.Map.of(
                "email",
                funderEmail,
                "password",
                "tulip-glacier-echo-42",
                "_csrf",
                csrf(web.get("/login").body())));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(web.get("/admin").body()).contains("/funder/programmes/" + pid);

    String funder = token(funderEmail, "tulip-glacier-echo-42");
    assertThat(http.get("/api/v1/programmes/" + pid, "Authorization", "Bearer " + funder).status())
        .isEqualTo(200);
    // Funders see only what the organiser published (ADR 0017): nothing before the first snapshot.
    assertThat(
            http.get("/api/v1/programmes/" + pid + "/report", "Authorization", "Bearer " + funder)
                .status())
        .isEqualTo(404);
    var published =
        http.postJson(
            "/api/v1/programmes/" + pid + "/report/publications",
            java.util.Map.of("note", "after session 1"),
            "Authorization",
            "Bearer " + organiserToken);
    assertThat(published.status()).as(published.body()).isEqualTo(201);
    var report =
        http.get("/api/v1/programmes/" + pid + "/report", "Authorization", "Bearer " + funder);
    assertThat(report.status()).isEqualTo(200);
    assertThat(
            http.get(
                    "/api/v1/programmes/" + pid + "/registrations",
                    "Authorization",
                    "Bearer " + funder)
                .status())
        .isIn(403, 404);
  }

  int invitationsQueued() {
    return jdbc.sql("select count(*) from mail_outbox where kind = 'identity.invited'")
        .query(Integer.class)
        .single();
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
