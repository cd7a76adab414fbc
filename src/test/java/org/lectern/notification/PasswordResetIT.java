package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.support.Http.map;

import com.icegreen.greenmail.util.GreenMail;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.UserService;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.lectern.support.LimitWindows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Forgot your password?" end to end: the same answer for known and unknown addresses, the link
 * read from the real mail (GreenMail) in the account's language, used once, refused when expired.
 */
class PasswordResetIT extends IntegrationTest {

  static final int SMTP_PORT = MailFixtures.freePort();
  static final GreenMail smtp = MailFixtures.smtp(SMTP_PORT);
  static final Pattern LINK = Pattern.compile("(/password-reset/[A-Za-z0-9_-]+)");
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final String NEW_PASSWORD = "orchid violin harbour";

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired UserService users;
  @Autowired OutboxSender sender;

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  /** A cookie-keeping client that does not follow redirects. */
  final class Browser {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      String csrf = csrf(get("/login/forgot").body());
      String body =
          form.entrySet().stream()
                  .map(e -> Http.enc(e.getKey()) + "=" + Http.enc(e.getValue()))
                  .reduce((a, b) -> a + "&" + b)
                  .orElse("")
              + "&_csrf="
              + Http.enc(csrf);
      return http.send(
          HttpRequest.newBuilder(URI.create(baseUrl() + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    return m.find() ? m.group(1) : "";
  }

  UUID account(String email, String language) {
    UUID id = users.create(email, "Dana Reset", Fixtures.PASSWORD, false);
    jdbc.sql("update app_user set language = :l where id = :u")
        .param("l", language)
        .param("u", id)
        .update();
    return id;
  }

  int resetMails(UUID user) {
    return jdbc.sql(
            "select count(*) from mail_outbox where kind = 'identity.passwordReset'"
                + " and related_id = :u")
        .param("u", user)
        .query(Integer.class)
        .single();
  }

  int allResetMails() {
    return jdbc.sql("select count(*) from mail_outbox where kind = 'identity.passwordReset'")
        .query(Integer.class)
        .single();
  }

  /** Waits (bounded) for the n-th reset mail of the account, sends the outbox, returns the link. */
  String linkFor(UUID user, String email, int n) throws Exception {
    await().atMost(java.time.Duration.ofSeconds(20)).until(() -> resetMails(user) >= n);
    assertThat(resetMails(user)).isEqualTo(n);
    sender.sendDue();
    var mails =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> MailFixtures.recipientIs(m, email))
            .toList();
    assertThat(mails).hasSize(n);
    var mail = mails.get(n - 1);
    String text = MailFixtures.part(mail, "text/plain");
    assertThat(mail.getSubject()).isEqualTo("Lectern құпиясөзіңіз");
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).as(text).isTrue();
    return link.group(1);
  }

  @Test
  void theAnswerIsTheSameForKnownAndUnknownAddressesAndTheLinkWorksOnce() throws Exception {
    String email = "reset-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    UUID id = account(email, "kk");
    var before = new org.lectern.support.Http(baseUrl());
    String oldToken =
        before
            .postJson("/api/v1/auth/tokens", map("email", email, "password", Fixtures.PASSWORD))
            .json()
            .get("token")
            .asString();
    int mailsBefore = allResetMails();

    var known = new Browser().post("/login/forgot", Map.of("email", email));
    var unknown = new Browser().post("/login/forgot", Map.of("email", "nobody-" + email));
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
    assertThat(unknown.body()).isEqualTo(known.body());
    assertThat(known.body()).contains("If an account exists for this address");
    var invalid = new Browser().post("/login/forgot", Map.of("email", "not an address"));
    assertThat(invalid.statusCode()).isEqualTo(422);

    String link = linkFor(id, email, 1);
    assertThat(allResetMails())
        .as("nothing is sent to an unknown address")
        .isEqualTo(mailsBefore + 1);
    String stored =
        jdbc.sql("select encode(token_hash, 'hex') from password_reset where user_id = :u")
            .param("u", id)
            .query(String.class)
            .single();
    assertThat(link).doesNotContain(stored);

    var browser = new Browser();
    assertThat(browser.get(link).statusCode()).isEqualTo(200);
    var weak = browser.post(link, Map.of("password", "password1234"));
    assertThat(weak.statusCode()).isEqualTo(422);
    var set = browser.post(link, Map.of("password", NEW_PASSWORD));
    assertThat(set.statusCode()).isEqualTo(302);
    assertThat(set.headers().firstValue("Location").orElse("")).endsWith("/login?reset");

    var http = new Http(baseUrl());
    assertThat(
            http.postJson("/api/v1/auth/tokens", map("email", email, "password", Fixtures.PASSWORD))
                .status())
        .isEqualTo(401);
    assertThat(
            http.postJson("/api/v1/auth/tokens", map("email", email, "password", NEW_PASSWORD))
                .status())
        .isEqualTo(201);
    assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + oldToken).status())
        .as("tokens made before the reset are revoked")
        .isEqualTo(401);

    String hash = hashOf(id);
    var reused = new Browser();
    var again = reused.get(link);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).contains("reset-invalid");
    assertThat(reused.post(link, Map.of("password", "tulip-glacier-echo-42")).statusCode())
        .isEqualTo(404);
    assertThat(hashOf(id)).as("a used link changes nothing").isEqualTo(hash);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'account.passwordReset'"
                        + " and subject_id = :s")
                .param("s", id.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anExpiredLinkIsRefusedAndChangesNothing() throws Exception {
    String email = "expired-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    UUID id = account(email, "kk");
    new Browser().post("/login/forgot", Map.of("email", email));
    String link = linkFor(id, email, 1);
    jdbc.sql(
            "update password_reset set expires_at = now() - interval '1 minute' where user_id = :u")
        .param("u", id)
        .update();
    String hash = hashOf(id);
    var browser = new Browser();
    assertThat(browser.get(link).statusCode()).isEqualTo(404);
    assertThat(browser.post(link, Map.of("password", NEW_PASSWORD)).statusCode()).isEqualTo(404);
    assertThat(hashOf(id)).isEqualTo(hash);
  }

  String hashOf(UUID user) {
    return jdbc.sql("select password_hash from app_user where id = :u")
        .param("u", user)
        .query(String.class)
        .single();
  }

  /** Throttling (issue 13): wrong passwords lock the account, the holder is told once, by mail. */
  @Test
  void anAttackedAccountIsLockedWithTheSameAnswerAndItsHolderIsToldOnce() throws Exception {
    String email = "attacked-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    UUID id = account(email, "ru");
    String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    // The five failures in one of the account limit's fixed 15-minute windows.
    LimitWindows.awaitRoom(Duration.ofMinutes(15), Duration.ofSeconds(90));
    for (int i = 0; i < 5; i++) {
      for (String who : List.of(email, unknown)) {
        var s = new org.lectern.identity.BackOfficeSession(baseUrl());
        var r = s.password(who, "wrong password number " + i);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login?error");
      }
    }
    // Locked: the right password gets exactly the answer of a wrong one, on the form and the API.
    var s = new org.lectern.identity.BackOfficeSession(baseUrl());
    var locked = s.password(email, Fixtures.PASSWORD);
    assertThat(locked.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    assertThat(s.get("/admin").statusCode()).isEqualTo(302);
    var http = new org.lectern.support.Http(baseUrl());
    var api =
        http.postJson(
            "/api/v1/auth/tokens",
            org.lectern.support.Http.map("email", email, "password", Fixtures.PASSWORD));
    var apiUnknown =
        http.postJson(
            "/api/v1/auth/tokens",
            org.lectern.support.Http.map("email", unknown, "password", Fixtures.PASSWORD));
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.body()).isEqualTo(apiUnknown.body());
    assertThat(api.json().get("code").asString()).isEqualTo("identity.badCredentials");

    await().atMost(java.time.Duration.ofSeconds(20)).until(() -> lockMails(id) >= 1);
    // More attempts during the lock tell nobody again.
    new org.lectern.identity.BackOfficeSession(baseUrl()).password(email, "yet another guess");
    assertThat(lockMails(id)).isEqualTo(1);
    sender.sendDue();
    var mails =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> MailFixtures.recipientIs(m, email))
            .toList();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("Попытки входа в вашу учётную запись");
    String text = MailFixtures.part(mails.get(0), "text/plain");
    assertThat(text).contains("15").doesNotContainIgnoringCase("Lectern");
    assertThat(
            jdbc.sql("select count(*) from audit_entry where action = 'account.locked'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // The unknown address was locked too (nothing to tell), so the two cannot be told apart.
    assertThat(
            jdbc.sql("select count(*) from sign_in_lock where locked_until > now()")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  int lockMails(UUID user) {
    return jdbc.sql(
            "select count(*) from mail_outbox where kind = 'identity.signInLocked'"
                + " and related_id = :u")
        .param("u", user)
        .query(Integer.class)
        .single();
  }
}
