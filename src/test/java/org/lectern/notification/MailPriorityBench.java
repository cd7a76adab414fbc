package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.lectern.shared.limit.RateLimiter;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail lanes (BENCHMARKS.md): 10,000 announcements are queued and draining to GreenMail; then a
 * sign-in link is queued. Measures how long the link takes to reach the SMTP server, and the bulk
 * throughput with and without the link overtaking. Not a test (the name ends in neither IT nor
 * Test): run with the command in BENCHMARKS.md.
 */
class MailPriorityBench extends IntegrationTest {

  static final int BULK = Integer.getInteger("bench.bulk", 10_000);

  @Autowired Outbox outbox;
  @Autowired OutboxRepository repository;
  @Autowired OutboxStatusRepository statuses;
  @Autowired UndeliverableAddresses undeliverable;
  @Autowired ReturnPath returnPath;
  @Autowired TransactionTemplate transactions;
  @Autowired RateLimiter limiter;
  @Autowired Clock clock;

  @Test
  void aSignInLinkDuringABulkBurst() throws Exception {
    int port = MailFixtures.freePort();
    GreenMail smtp = MailFixtures.smtp(port);
    try {
      JavaMailSenderImpl mail = new JavaMailSenderImpl();
      mail.setHost("127.0.0.1");
      mail.setPort(port);
      // Pace set out of the way: this measures the lanes, not the politeness limits.
      OutboxSender sender =
          new OutboxSender(
              repository,
              statuses,
              undeliverable,
              returnPath,
              new MailPace(limiter, 1_000_000, 1_000_000),
              new StaticListableBeanFactory(Map.of("m", mail))
                  .getBeanProvider(JavaMailSender.class),
              transactions,
              clock,
              "lectern@example.org",
              "training@example.org",
              8);
      jdbc.sql("delete from mail_outbox").update();

      long queueStart = System.nanoTime();
      for (int from = 0; from < BULK; from += 500) {
        int start = from;
        transactions.executeWithoutResult(
            tx -> {
              for (int i = start; i < Math.min(BULK, start + 500); i++) {
                queue(MailKind.PROGRAMME_ANNOUNCEMENT, "reader" + i + "@example.org");
              }
            });
      }
      double queueSeconds = (System.nanoTime() - queueStart) / 1e9;

      AtomicBoolean draining = new AtomicBoolean(true);
      long drainStart = System.nanoTime();
      Thread drain =
          new Thread(
              () -> {
                // What the recurring job does while mail is due.
                while (draining.get() && sender.sendDue() > 0) {
                  // keep going
                }
              });
      drain.start();

      // Let the burst run, then a delegate asks for a sign-in link.
      while (smtp.getReceivedMessages().length < BULK / 10) {
        Thread.sleep(20);
      }
      int bulkBefore = smtp.getReceivedMessages().length;
      long linkQueued = System.nanoTime();
      transactions.executeWithoutResult(
          tx -> queue(MailKind.DELEGATE_SIGN_IN, "waiting@example.org"));
      int bulkAhead = -1;
      while (bulkAhead < 0) {
        MimeMessage[] got = smtp.getReceivedMessages();
        for (int i = bulkBefore; i < got.length; i++) {
          if (first(got[i]).equals("waiting@example.org")) {
            bulkAhead = i - bulkBefore;
            break;
          }
        }
        Thread.sleep(2);
      }
      double linkSeconds = (System.nanoTime() - linkQueued) / 1e9;

      drain.join();
      double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
      int received = smtp.getReceivedMessages().length;
      assertThat(received).isEqualTo(BULK + 1);

      String report =
          String.format(
              "bulk=%d cores=%d java=%s%nqueued in %.1f s%nsign-in link queued after %d bulk"
                  + " mails: reached SMTP in %.3f s, %d bulk mails sent between (batch %d)%n"
                  + "bulk drained in %.1f s = %.0f mails/s%n",
              BULK,
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              queueSeconds,
              bulkBefore,
              linkSeconds,
              bulkAhead,
              OutboxSender.BATCH,
              drainSeconds,
              received / drainSeconds);
      System.out.println(report);
      Path out = Path.of("target", "bench", "mail-priority.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
    } finally {
      smtp.stop();
    }
  }

  void queue(MailKind kind, String to) {
    outbox.enqueue(OutboxSenderFixture.plain(kind, to));
  }

  static String first(MimeMessage m) {
    try {
      Address[] to = m.getAllRecipients();
      return Arrays.stream(to).findFirst().map(Address::toString).orElse("");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
