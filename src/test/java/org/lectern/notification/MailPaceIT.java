package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.shared.limit.RateLimiter;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails the pace refuses are put back in one go, each into the window its turn comes in, untried;
 * an urgent mail refused with them is due first (issue 16).
 */
class MailPaceIT extends IntegrationTest {

  static final int SMTP_PORT = MailFixtures.freePort();
  static GreenMail smtp = MailFixtures.smtp(SMTP_PORT);

  @Autowired Outbox outbox;
  @Autowired OutboxRepository repository;
  @Autowired UndeliverableAddresses undeliverable;
  @Autowired ReturnPath returnPath;
  @Autowired TransactionTemplate transactions;
  @Autowired RateLimiter limiter;
  @Autowired Clock clock;

  @BeforeEach
  void empty() throws Exception {
    jdbc.sql("delete from mail_outbox").update();
    jdbc.sql("delete from rate_limit_window").update();
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  OutboxSender sender(MailPace pace) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(SMTP_PORT);
    var beans = new StaticListableBeanFactory(Map.of("mailSender", mail));
    return new OutboxSender(
        repository,
        undeliverable,
        returnPath,
        pace,
        beans.getBeanProvider(JavaMailSender.class),
        transactions,
        clock,
        "lectern@example.org",
        "training@example.org",
        8);
  }

  void queue(MailKind kind, String to) {
    transactions.executeWithoutResult(
        tx ->
            outbox.enqueue(
                new OutgoingMail(
                    kind.code(),
                    UUID.randomUUID(),
                    to,
                    "en",
                    "Subject",
                    "Text",
                    null,
                    List.of(),
                    kind.code() + ":" + UUID.randomUUID(),
                    false)));
  }

  List<Instant> dueTimes(String kind) {
    return jdbc.sql(
            "select next_attempt_at from mail_outbox where status = 'PENDING' and attempts = 0"
                + " and kind = :kind order by next_attempt_at")
        .param("kind", kind)
        .query((rs, i) -> rs.getTimestamp(1).toInstant())
        .list();
  }

  @Test
  void aPacedDomainsMailsAreBookedIntoTheWindowsTheirTurnComesIn() {
    for (int i = 0; i < 12; i++) {
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "a" + i + "@busy-provider.example");
    }
    MailPace pace = new MailPace(limiter, 2, 1000);
    Instant start = clock.instant();

    assertThat(sender(pace).sendDue()).isEqualTo(2);

    assertThat(smtp.getReceivedMessages()).hasSize(2);
    List<Instant> due = dueTimes(MailKind.PROGRAMME_ANNOUNCEMENT.code());
    // Ten refused, untried, two a minute from the next window on: not all in the next minute.
    assertThat(due).hasSize(10).doesNotHaveDuplicates();
    Instant first = due.get(0);
    assertThat(first).isAfter(start).isEqualTo(pace.nextWindow(first.minusMillis(1)));
    for (int k = 0; k < due.size(); k++) {
      assertThat(due.get(k)).isEqualTo(first.plusSeconds(30L * k));
    }
  }

  @Test
  void aSignInLinkRefusedAfterABulkBurstIsDueBeforeIt() throws Exception {
    for (int i = 0; i < 12; i++) {
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "a" + i + "@busy-provider.example");
    }
    MailPace pace = new MailPace(limiter, 2, 1000);
    OutboxSender sender = sender(pace);
    sender.sendDue();
    queue(MailKind.DELEGATE_SIGN_IN, "waiting@busy-provider.example");

    sender.sendDue();

    List<Instant> link = dueTimes(MailKind.DELEGATE_SIGN_IN.code());
    List<Instant> bulk = dueTimes(MailKind.PROGRAMME_ANNOUNCEMENT.code());
    assertThat(bulk).isNotEmpty();
    boolean sent =
        java.util.Arrays.stream(smtp.getReceivedMessages())
            .anyMatch(
                m -> {
                  try {
                    return m.getAllRecipients()[0].toString().startsWith("waiting@");
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                });
    // Refused (the domain's two of this minute are gone): due no later than the first bulk mail,
    // and the claim takes the urgent lane first. Sent: a new minute had begun meanwhile.
    if (!sent) {
      assertThat(link).hasSize(1);
      assertThat(link.get(0)).isBeforeOrEqualTo(bulk.get(0));
    }
  }
}
