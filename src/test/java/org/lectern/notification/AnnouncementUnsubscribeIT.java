package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.limit.RateLimiter;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announcements carry a one-click unsubscribe (RFC 8058) that stops further announcements of that
 * programme for that one delegate, and nothing else.
 */
class AnnouncementUnsubscribeIT extends IntegrationTest {

  static final int SMTP_PORT = MailFixtures.freePort();
  static GreenMail smtp = MailFixtures.smtp(SMTP_PORT);

  @Autowired Fixtures fixtures;
  @Autowired Announcements announcements;
  @Autowired OutboxRepository repository;
  @Autowired OutboxStatusRepository statuses;
  @Autowired UndeliverableAddresses undeliverable;
  @Autowired ReturnPath returnPath;
  @Autowired TransactionTemplate transactions;
  @Autowired RateLimiter limiter;
  @Autowired Clock clock;

  LecternUser organiser;
  UUID programme;
  Http http;

  @BeforeAll
  void programmeWithTwoDelegates() {
    http = new Http(baseUrl());
    organiser = fixtures.organiser("unsub");
    String token =
        http.postJson(
                "/api/v1/auth/tokens",
                Map.of("email", organiser.email(), "password", Fixtures.PASSWORD))
            .json()
            .get("token")
            .asString();
    String[] auth = {"Authorization", "Bearer " + token};
    var created =
        http.postJson(
            "/api/v1/programmes",
            Map.of(
                "slug",
                "unsub-" + UUID.randomUUID().toString().substring(0, 6),
                "title",
                Map.of("en", "Announcements"),
                "timeZone",
                "Asia/Almaty",
                "languages",
                List.of("en"),
                "capacity",
                10),
            auth);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    programme = UUID.fromString(created.json().get("id").asString());
    for (String email : List.of("stays@example.kz", "leaves@example.kz")) {
      var r =
          http.postJson(
              "/api/v1/programmes/" + programme + "/registrations",
              Map.of("email", email, "fullName", "Delegate", "consent", true),
              auth);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    // The registrations' own mails are not what this test is about: the background worker would
    // queue them in the outbox at any moment, next to the announcements. Deleting their jobs waits
    // for a worker that holds them, so after this no registration mail can arrive any more.
    jdbc.sql(
            "delete from registration_mail_job where registration_id in"
                + " (select id from registration where programme_id = :p)"
                + " or registration_ids && array(select id from registration where programme_id = :p)")
        .param("p", programme)
        .update();
  }

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  int announce() {
    jdbc.sql("delete from mail_outbox").update();
    return announcements.send(
        organiser,
        programme,
        UUID.randomUUID(),
        LocalizedText.of("en", "News"),
        LocalizedText.of("en", "Room changed."));
  }

  OutboxSender sender() {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(SMTP_PORT);
    return new OutboxSender(
        repository,
        statuses,
        undeliverable,
        returnPath,
        new MailPace(limiter, 1000, 1000),
        new StaticListableBeanFactory(Map.of("m", mail)).getBeanProvider(JavaMailSender.class),
        transactions,
        clock,
        "lectern@example.org",
        "training@example.org",
        8);
  }

  MimeMessage receivedBy(String address) throws Exception {
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        return m;
      }
    }
    throw new AssertionError("no mail to " + address);
  }

  static String path(String url) {
    return url.substring(url.indexOf("/my/unsubscribe/"));
  }

  @Test
  void oneClickStopsAnnouncementsForThatDelegateOnly() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    assertThat(announce()).isEqualTo(2);
    sender().sendDue();

    MimeMessage leaving = receivedBy("leaves@example.kz");
    String header = leaving.getHeader("List-Unsubscribe", null);
    assertThat(header).startsWith("<").endsWith(">").contains("/my/unsubscribe/" + programme);
    assertThat(leaving.getHeader("List-Unsubscribe-Post", null))
        .isEqualTo("List-Unsubscribe=One-Click");
    String url = header.substring(1, header.length() - 1);
    assertThat(MailFixtures.part(leaving, "text/plain")).contains(url);
    assertThat(receivedBy("stays@example.kz").getHeader("List-Unsubscribe", null))
        .isNotEqualTo(header);

    // The page the link opens asks first (no JavaScript needed)…
    var page = http.get(path(url));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\"");
    // …and the mail provider's one-click POST carries no form token.
    var click =
        http.postRaw(path(url), "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
    assertThat(click.status()).isEqualTo(200);

    assertThat(announce()).isEqualTo(1);
    assertThat(repository.recent(10, 0))
        .extracting(m -> m.mail().to())
        .containsExactly("stays@example.kz");
  }

  @Test
  void aChangedLinkIsRefusedAndChangesNothing() {
    int before = optOuts();
    String forged = "/my/unsubscribe/" + programme + "/" + UUID.randomUUID() + "." + "0".repeat(74);
    assertThat(http.get(forged).status()).isEqualTo(404);
    var post =
        http.postRaw(forged, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
    assertThat(post.status()).isEqualTo(404);
    assertThat(http.get("/my/unsubscribe/" + programme + "/not-a-token").status()).isEqualTo(404);
    assertThat(optOuts()).isEqualTo(before);
  }

  int optOuts() {
    return jdbc.sql("select count(*) from announcement_opt_out where programme_id = :p")
        .param("p", programme)
        .query(Integer.class)
        .single();
  }
}
