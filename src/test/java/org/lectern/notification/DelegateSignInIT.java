package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.FormClient.csrf;
import static org.lectern.support.FormClient.enc;

import com.icegreen.greenmail.util.GreenMail;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.DelegateSignInLimits;
import org.lectern.support.FormClient;
import org.lectern.support.IntegrationTest;
import org.lectern.support.LimitWindows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delegates' one-time sign-in link end to end over HTTP (identity issues it, this module mails
 * it), the mail read from GreenMail.
 */
class DelegateSignInIT extends IntegrationTest {

  static final int SMTP_PORT = MailFixtures.freePort();
  static final GreenMail smtp = MailFixtures.smtp(SMTP_PORT);
  static final Pattern LINK =
      Pattern.compile("https?://[^/\\s]+(/my/sign-in/token\\?token=[A-Za-z0-9-]+&lang=[a-z]+)");

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("lectern.mail.poll-interval", () -> "1h");
    registry.add("lectern.mail.reminder-scan-interval", () -> "1h");
  }

  @Autowired RegistrationMails mails;
  @Autowired OutboxSender sender;
  @Autowired TransactionTemplate transactions;
  @Autowired org.lectern.identity.UserService users;
  @Autowired DelegateSignInLimits limits;

  final FormClient http = new FormClient(this::baseUrl);

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  void aDelegateSignsInWithTheLinkFromTheirMailbox() throws Exception {
    String email = delegate("madina", "Мадина", "kk");
    sender.sendDue();
    smtp.purgeEmailFromAllMailboxes();

    assertThat(http.get("/my").statusCode()).isEqualTo(302);
    assertThat(http.get("/my").headers().firstValue("Location").orElseThrow())
        .endsWith("/my/sign-in");
    // A link to /my in Kazakh, opened signed out, signs in in Kazakh (the redirect keeps ?lang).
    var kazakh = http.get("/my?lang=kk");
    assertThat(kazakh.statusCode()).isEqualTo(302);
    assertThat(kazakh.headers().firstValue("Location").orElseThrow())
        .endsWith("/my/sign-in?lang=kk");
    assertThat(http.get("/my?lang=xx").headers().firstValue("Location").orElseThrow())
        .endsWith("/my/sign-in");
    String form = http.get("/my/sign-in?lang=kk").body();
    var asked = http.post("/my/sign-in", "email=" + enc(email) + "&_csrf=" + csrf(form));
    assertThat(asked.statusCode()).isEqualTo(302);
    assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/my/sign-in?sent");

    // An unknown address gets the very same answer and no mail.
    var unknown =
        http.post(
            "/my/sign-in", "email=nobody@example.kz&_csrf=" + csrf(http.get("/my/sign-in").body()));
    assertThat(unknown.headers().firstValue("Location").orElseThrow()).endsWith("/my/sign-in?sent");
    // The link is issued after the answer (DelegateAccess.issue): wait until the request is taken.
    awaitRequestsTaken();

    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    var message = smtp.getReceivedMessages()[0];
    assertThat(message.getSubject()).isEqualTo("Кіруге арналған сілтеме");
    Matcher link = LINK.matcher(MailFixtures.part(message, "text/plain"));
    assertThat(link.find()).isTrue();

    String confirm =
        http.get(link.group(1)).body(); // a GET only shows the form: mail scanners use nothing up
    assertThat(confirm).contains("name=\"token\"");
    String token = link.group(1).replaceAll(".*token=([^&]+).*", "$1");
    // The database holds only the token's digest: a dump gives no working link.
    assertThat(tokenRows(token)).isZero();
    assertThat(tokenRows(org.lectern.shared.crypto.Sha256.hex(token))).isOne();
    // Nor does the administrators' outbox page show the link.
    String outboxPage = adminOutbox();
    assertThat(outboxPage).contains("Кіруге арналған сілтеме").doesNotContain(token);
    // The administrator reads the kind by its name and the zone the times are in.
    assertThat(outboxPage).contains("Sign-in link (<code>delegate.signIn</code>)", "Times in ");
    var signedIn = http.post("/my/sign-in/token", "token=" + token + "&_csrf=" + csrf(confirm));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/my");

    var my = http.get("/my");
    assertThat(my.statusCode()).isEqualTo(200);
    assertThat(my.body()).contains("Менің оқуларым", email);
    // The delegate session does not open the back office.
    assertThat(http.get("/admin/outbox").statusCode()).isEqualTo(302);

    // The link works once.
    var again =
        http.post(
            "/my/sign-in/token",
            "token=" + token + "&_csrf=" + csrf(http.get(link.group(1)).body()));
    assertThat(again.headers().firstValue("Location").orElseThrow())
        .contains("/my/sign-in?expired");
    assertThat(
            jdbc.sql("select count(*) from one_time_tokens where username like '%@%'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aDelegateAsksAgainFromThePageThatSaidCheckYourInboxWithinTheLimit() throws Exception {
    String email = delegate("aigerim", "Айгерім", "kk");
    jdbc.sql("delete from mail_outbox").update();

    String sentPage = null;
    // The four requests in one of the limit's fixed 15-minute windows.
    LimitWindows.awaitRoom(Duration.ofMinutes(15), Duration.ofSeconds(90));
    for (int i = 0; i < 4; i++) {
      String form = sentPage == null ? http.get("/my/sign-in?lang=kk").body() : sentPage;
      var asked = http.post("/my/sign-in", "email=" + enc(email) + "&_csrf=" + csrf(form));
      // Within the limit or over it, and for an unknown address: the very same answer.
      assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/my/sign-in?sent");
      sentPage = http.get("/my/sign-in?sent&lang=kk").body();
      // The page that says "check your inbox" asks again, with the form right there.
      assertThat(sentPage).contains("Жаңа сілтеме жіберу").contains("«Спам»");
    }
    var unknown = http.post("/my/sign-in", "email=nobody2@example.kz&_csrf=" + csrf(sentPage));
    assertThat(unknown.headers().firstValue("Location").orElseThrow()).endsWith("/my/sign-in?sent");
    // The link is issued after the answer (DelegateAccess.issue): wait until the request is taken.
    awaitRequestsTaken();
    // Three links every 15 minutes per address; the fourth request sends nothing.
    assertThat(
            jdbc.sql("select count(*) from mail_outbox where kind = 'delegate.signIn'")
                .query(Integer.class)
                .single())
        .isEqualTo(DelegateSignInLimits.PER_WINDOW);
  }

  /**
   * Timing as a disclosure (SECURITY.md): a known and an unknown address are answered after the
   * same work — the request stored and one event with its id — and the token and the mail come
   * after the answer. With the token table locked, a known address is still answered at once
   * (before, its request inserted the token before answering and waited for the lock); the link
   * follows once the lock is gone, and the event log holds no address.
   */
  @Test
  void aKnownAddressIsAnsweredBeforeItsLinkIsIssuedAsAnUnknownOneIs() throws Exception {
    String email = delegate("saule", "Сәуле", "kk");
    jdbc.sql("delete from mail_outbox").update();
    String form = http.get("/my/sign-in").body();
    var lockHolder = new TransactionTemplate(transactions.getTransactionManager());
    lockHolder.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    java.util.List<java.net.http.HttpResponse<String>> answers =
        lockHolder.execute(
            tx -> {
              jdbc.sql("lock table one_time_tokens in exclusive mode").update();
              var out = new java.util.ArrayList<java.net.http.HttpResponse<String>>();
              for (String address : java.util.List.of(email, "nobody3@example.kz")) {
                try {
                  out.add(
                      java.util.concurrent.CompletableFuture.supplyAsync(
                              () -> {
                                try {
                                  return http.post(
                                      "/my/sign-in",
                                      "email=" + enc(address) + "&_csrf=" + csrf(form));
                                } catch (Exception e) {
                                  throw new IllegalStateException(e);
                                }
                              })
                          .get(20, java.util.concurrent.TimeUnit.SECONDS));
                } catch (Exception e) {
                  throw new AssertionError(
                      address + " was not answered while tokens were locked", e);
                }
              }
              // Answered, and nothing issued yet for the known address.
              assertThat(
                      jdbc.sql("select count(*) from mail_outbox where kind = 'delegate.signIn'")
                          .query(Integer.class)
                          .single())
                  .isZero();
              return out;
            });
    assertThat(answers.get(0).statusCode()).isEqualTo(answers.get(1).statusCode()).isEqualTo(302);
    assertThat(answers.get(0).headers().firstValue("Location"))
        .isEqualTo(answers.get(1).headers().firstValue("Location"));
    assertThat(answers.get(0).body()).isEqualTo(answers.get(1).body());
    // The lock is gone: the known address gets its link, the unknown one nothing.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from mail_outbox where kind = 'delegate.signIn'")
                        .query(Integer.class)
                        .single()
                    == 1);
    awaitRequestsTaken();
    assertThat(
            jdbc.sql("select count(*) from mail_outbox where kind = 'delegate.signIn'")
                .query(Integer.class)
                .single())
        .isOne();
    // The events stored for the two requests hold ids only, never the address.
    assertThat(
            jdbc.sql(
                    "select serialized_event from event_publication"
                        + " where event_type like '%DelegateSignInRequested'")
                .query(String.class)
                .list())
        .hasSizeGreaterThanOrEqualTo(2)
        .noneMatch(e -> e.contains("@"));
  }

  long tokenRows(String value) {
    return jdbc.sql("select count(*) from one_time_tokens where token_value = :v")
        .param("v", value)
        .query(Long.class)
        .single();
  }

  /** The outbox page as a platform administrator sees it. */
  String adminOutbox() throws Exception {
    String email = "root." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    users.create(email, "Platform Admin", org.lectern.support.Fixtures.PASSWORD, true);
    HttpClient admin =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String login =
        admin
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    var signedIn =
        admin.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "email="
                            + enc(email)
                            + "&password="
                            + enc(org.lectern.support.Fixtures.PASSWORD)
                            + "&_csrf="
                            + csrf(login)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
    var page =
        admin.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/outbox")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  /**
   * Link requests are counted per network address before anything is stored: over the limit the
   * request is refused with 429, Retry-After and the reason in the page's language — for a
   * registered address exactly as for an unknown or malformed one — and no link is issued.
   */
  @Test
  void requestsFromOneNetworkAreLimitedWhateverAddressTheyAskFor() throws Exception {
    String email = delegate("dana", "Дана", "ru");
    jdbc.sql("delete from mail_outbox").update();
    // This class's other tests asked for links from the same address.
    jdbc.sql("delete from rate_limit_window where bucket like 'signin.client%'").update();
    try {
      // All the requests in one of the limit's fixed 15-minute windows.
      LimitWindows.awaitRoom(Duration.ofMinutes(15), Duration.ofSeconds(120));
      String form = http.get("/my/sign-in?lang=ru").body();
      for (int i = 0; i < limits.perClient(); i++) {
        var asked =
            http.post("/my/sign-in", "email=nobody" + i + "@example.kz&_csrf=" + csrf(form));
        assertThat(asked.statusCode()).as("request %d", i).isEqualTo(302);
      }

      var known = http.post("/my/sign-in", "email=" + enc(email) + "&_csrf=" + csrf(form));
      var unknown = http.post("/my/sign-in", "email=someone@example.kz&_csrf=" + csrf(form));
      var malformed = http.post("/my/sign-in", "email=not-an-address&_csrf=" + csrf(form));

      for (var refused : java.util.List.of(known, unknown, malformed)) {
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
            .isBetween(1L, 15 * 60L);
        assertThat(refused.body())
            .contains("Слишком много запросов ссылки для входа из вашей сети");
      }
      // The three answers differ only in the address shown back in the field.
      String csrfField = "name=\"_csrf\" value=\"[^\"]+\"";
      assertThat(known.body().replace(email, "X").replaceAll(csrfField, ""))
          .isEqualTo(unknown.body().replace("someone@example.kz", "X").replaceAll(csrfField, ""));
      awaitRequestsTaken();
      assertThat(
              jdbc.sql("select count(*) from mail_outbox where kind = 'delegate.signIn'")
                  .query(Integer.class)
                  .single())
          .isZero();
    } finally {
      // The other tests of this class ask for links from the same address too.
      jdbc.sql("delete from rate_limit_window where bucket like 'signin.client%'").update();
    }
  }

  /** An address that a delegate registered with (it has had a mail), the outbox then empty. */
  private String delegate(String local, String name, String language) {
    var programme = MailFixtures.programme(jdbc);
    String email = local + "." + UUID.randomUUID().toString().substring(0, 6) + "@example.kz";
    transactions.executeWithoutResult(
        tx ->
            mails.send(
                RegistrationMailKind.CONFIRMED,
                new MailRecipient(
                    UUID.randomUUID(), programme.id(), email, name, language, "CONFIRMED"),
                null,
                null));
    return email;
  }

  /**
   * Links are issued after the answer (DelegateAccess.issue): waits until every request is taken.
   */
  private void awaitRequestsTaken() {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("select count(*) from delegate_sign_in_request")
                        .query(Integer.class)
                        .single()
                    == 0);
  }
}
