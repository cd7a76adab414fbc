package org.lectern.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.lectern.shared.limit.RateLimiter;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tests of the outbox's sender against an SMTP server of the test's own: the class's GreenMail on a
 * free port (or any other server, such as a scripted one), an empty outbox and empty rate windows
 * before each test, and a sender with the pace the test chooses.
 */
abstract class OutboxSenderFixture extends IntegrationTest {

  final int smtpPort = MailFixtures.freePort();
  final GreenMail smtp = MailFixtures.smtp(smtpPort);

  @Autowired Outbox outbox;
  @Autowired OutboxRepository repository;
  @Autowired OutboxStatusRepository statuses;
  @Autowired UndeliverableAddresses undeliverable;
  @Autowired ReturnPath returnPath;
  @Autowired TransactionTemplate transactions;
  @Autowired RateLimiter limiter;
  @Autowired Clock clock;

  @BeforeEach
  void empty() throws Exception {
    jdbc.sql("delete from mail_outbox").update();
    jdbc.sql("delete from mail_outbox_due").update();
    jdbc.sql("delete from rate_limit_window").update();
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterAll
  void stopSmtp() {
    smtp.stop();
  }

  /** A sender to the SMTP server on this port, at this pace. */
  OutboxSender sender(int port, MailPace pace) {
    return sender(
        port, pace, new SmtpConnections(SmtpConnections.IDLE, SmtpConnections.MESSAGES, clock));
  }

  /** A sender to the SMTP server on this port, at this pace, keeping its connections here. */
  OutboxSender sender(int port, MailPace pace, SmtpConnections connections) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(port);
    var beans = new StaticListableBeanFactory(Map.of("mailSender", mail));
    return new OutboxSender(
        repository,
        statuses,
        undeliverable,
        returnPath,
        pace,
        beans.getBeanProvider(JavaMailSender.class),
        null,
        transactions,
        clock,
        "lectern@example.org",
        "training@example.org",
        8,
        connections);
  }

  /** Queues a mail of this kind to this address, in its own transaction. */
  void queue(MailKind kind, String to) {
    transactions.executeWithoutResult(tx -> outbox.enqueue(plain(kind, to)));
  }

  /** A short English mail of this kind to this address, with a dedupe key of its own. */
  static OutgoingMail plain(MailKind kind, String to) {
    return new OutgoingMail(
        kind.code(),
        UUID.randomUUID(),
        to,
        "en",
        "Subject",
        "Text",
        null,
        List.of(),
        kind.code() + ":" + UUID.randomUUID(),
        false);
  }

  /** The addresses GreenMail received mail for, in order. */
  List<String> received() {
    return Arrays.stream(smtp.getReceivedMessages())
        .map(
            m -> {
              try {
                return ((MimeMessage) m).getAllRecipients()[0].toString();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
