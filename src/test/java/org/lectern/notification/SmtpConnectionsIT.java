package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One SMTP connection across batches (issue 16, tenth pass): reused while it works, replaced when
 * the server closed it, after the idle time and after its share of messages; every failure is
 * recorded for its own mail exactly as with a connection per batch.
 */
class SmtpConnectionsIT extends OutboxSenderFixture {

  /** A clock the test moves: the kept connections' idle time only. */
  static final class MovingClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void pass(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  final MovingClock idleClock = new MovingClock();

  OutboxSender sender(int port, Duration idle, int perConnection) {
    return sender(
        port,
        new MailPace(limiter, 1000, 1000),
        new SmtpConnections(idle, perConnection, idleClock));
  }

  void queueMany(String prefix, int n) {
    for (int i = 0; i < n; i++) {
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, prefix + i + "@example.org");
    }
  }

  /** Every batch until a short one, as the sending job does. */
  static int drain(OutboxSender sender) {
    int all = 0;
    int n;
    do {
      n = sender.sendDue();
      all += n;
    } while (n == OutboxSender.BATCH);
    return all;
  }

  @Test
  void severalBatchesGoOverOneConnectionWhichIsClosedWithQuitAtTheEnd() throws Exception {
    queueMany("reader", 2 * OutboxSender.BATCH + 5);
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      OutboxSender sender = sender(smtp.port(), Duration.ofSeconds(60), 1000);
      assertThat(drain(sender)).isEqualTo(2 * OutboxSender.BATCH + 5);
      queueMany("later", 3);
      assertThat(sender.sendDue()).isEqualTo(3);
      assertThat(smtp.delivered).hasSize(2 * OutboxSender.BATCH + 8);
      // Four batches, one connection: one greeting, no QUIT and no check between batches.
      assertThat(smtp.connections.get()).isEqualTo(1);
      assertThat(smtp.count("EHLO")).isEqualTo(1);
      assertThat(smtp.count("QUIT")).isZero();
      assertThat(smtp.count("NOOP")).isZero();
      sender.destroy();
      assertThat(smtp.count("QUIT")).isEqualTo(1);
    }
  }

  @Test
  void aConnectionCarriesItsShareOfMessagesThenAnotherIsOpened() throws Exception {
    queueMany("reader", 2 * OutboxSender.BATCH + 5);
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      OutboxSender sender = sender(smtp.port(), Duration.ofSeconds(60), 15);
      assertThat(drain(sender)).isEqualTo(2 * OutboxSender.BATCH + 5);
      assertThat(smtp.delivered).hasSize(2 * OutboxSender.BATCH + 5);
      // 45 messages at 15 a connection: three connections, each closed with QUIT once it carried
      // its fifteen (the third at the end of the last batch, not kept).
      assertThat(smtp.connections.get()).isEqualTo(3);
      assertThat(smtp.count("QUIT")).isEqualTo(3);
      assertThat(smtp.count("DATA")).isEqualTo(45);
      sender.destroy();
    }
  }

  @Test
  void anIdleConnectionIsClosedAfterTheIdleTimeAndANewOneOpened() throws Exception {
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      OutboxSender sender = sender(smtp.port(), Duration.ofSeconds(60), 1000);
      queueMany("first", 1);
      assertThat(sender.sendDue()).isEqualTo(1);
      idleClock.pass(Duration.ofSeconds(59));
      queueMany("second", 1);
      assertThat(sender.sendDue()).isEqualTo(1);
      assertThat(smtp.connections.get()).isEqualTo(1);
      // Idle for the idle time: closed by the next run of the job, though nothing is due.
      idleClock.pass(Duration.ofSeconds(60));
      assertThat(sender.sendDue()).isZero();
      assertThat(smtp.count("QUIT")).isEqualTo(1);
      queueMany("third", 1);
      assertThat(sender.sendDue()).isEqualTo(1);
      assertThat(smtp.connections.get()).isEqualTo(2);
      assertThat(smtp.delivered).hasSize(3);
      sender.destroy();
    }
  }

  @Test
  void anIdleTimeOfZeroKeepsNoConnection() throws Exception {
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      OutboxSender sender = sender(smtp.port(), Duration.ZERO, 1000);
      queueMany("first", 2);
      assertThat(sender.sendDue()).isEqualTo(2);
      assertThat(smtp.count("QUIT")).isEqualTo(1);
      queueMany("second", 2);
      assertThat(sender.sendDue()).isEqualTo(2);
      assertThat(smtp.connections.get()).isEqualTo(2);
      assertThat(smtp.count("QUIT")).isEqualTo(2);
    }
  }

  @Test
  void aConnectionTheServerDroppedBetweenBatchesIsReplacedWithoutAFailedAttempt() throws Exception {
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      OutboxSender sender = sender(smtp.port(), Duration.ofSeconds(60), 1000);
      queueMany("first", 3);
      assertThat(sender.sendDue()).isEqualTo(3);
      smtp.dropAll();
      queueMany("second", 3);
      assertThat(sender.sendDue()).isEqualTo(3);
      assertThat(smtp.delivered).hasSize(6);
      assertThat(smtp.connections.get()).isEqualTo(2);
      sender.destroy();
    }
    assertThat(
            jdbc.sql("select status || '/' || attempts from mail_outbox")
                .query(String.class)
                .list())
        .hasSize(6)
        .allMatch("SENT/1"::equals);
  }

  @Test
  void greenMailRestartedBetweenBatchesGetsTheNextBatchOverANewConnection() {
    OutboxSender sender = sender(smtpPort, Duration.ofSeconds(60), 1000);
    queueMany("first", 3);
    assertThat(sender.sendDue()).isEqualTo(3);
    assertThat(received()).hasSize(3);
    // Stopped and started: the kept connection is gone with the old server.
    smtp.reset();
    queueMany("second", 3);
    assertThat(sender.sendDue()).isEqualTo(3);
    assertThat(received()).hasSize(3).allMatch(a -> a.startsWith("second"));
    assertThat(
            jdbc.sql("select count(*) from mail_outbox where status = 'SENT' and attempts = 1")
                .query(Integer.class)
                .single())
        .isEqualTo(6);
    sender.destroy();
  }

  @Test
  void aConnectionThatDiesMidBatchLeavesItsMailPendingAndTheRestGoesOverANewOne() throws Exception {
    queue(MailKind.PROGRAMME_ANNOUNCEMENT, "fine-a@example.org");
    queue(MailKind.PROGRAMME_ANNOUNCEMENT, "drop-b@example.org");
    queue(MailKind.PROGRAMME_ANNOUNCEMENT, "fine-c@example.org");
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      OutboxSender sender = sender(smtp.port(), Duration.ofSeconds(60), 1000);
      assertThat(sender.sendDue()).isEqualTo(2);
      assertThat(smtp.delivered).containsExactly("fine-a@example.org", "fine-c@example.org");
      assertThat(smtp.connections.get()).isEqualTo(2);
      sender.destroy();
    }
    // Tried once, due again after the back-off; the others sent.
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_outbox where status = 'PENDING' and attempts = 1"
                        + " and last_error is not null and next_attempt_at > now()")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from mail_outbox_due").query(Integer.class).single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from mail_outbox where status = 'SENT'")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void refusalsOverAKeptConnectionAreRecordedForTheirOwnMailOnlyAndNotSentTwice() throws Exception {
    queue(MailKind.PROGRAMME_ANNOUNCEMENT, "fine-1@example.org");
    try (ScriptedSmtp smtp = new ScriptedSmtp()) {
      OutboxSender sender = sender(smtp.port(), Duration.ofSeconds(60), 1000);
      assertThat(sender.sendDue()).isEqualTo(1);
      // The next batch starts with a refusal for good over the kept connection.
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "gone-2@example.org");
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "busy-2@example.org");
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "fine-2@example.org");
      assertThat(sender.sendDue()).isEqualTo(1);
      assertThat(smtp.delivered).containsExactly("fine-1@example.org", "fine-2@example.org");
      // Each recipient asked for once: a refusal is not taken for a closed connection.
      assertThat(smtp.count("RCPT")).isEqualTo(4);
      assertThat(smtp.connections.get()).isEqualTo(1);
      // Still open for the next batch after the failures.
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "fine-3@example.org");
      assertThat(sender.sendDue()).isEqualTo(1);
      assertThat(smtp.connections.get()).isEqualTo(1);
      sender.destroy();
    }
    assertThat(
            jdbc.sql(
                    "select status || '/' || attempts || '/' || coalesce(failure_code, 0)"
                        + " from mail_outbox where status <> 'SENT' order by status")
                .query(String.class)
                .list())
        .containsExactly("FAILED/1/550", "PENDING/1/451");
  }
}
