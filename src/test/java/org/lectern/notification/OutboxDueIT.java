package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outbox's due list (V202612130200, issue 16 ninth pass): the mails waiting to go are listed in
 * {@code mail_outbox_due}, so no index of {@code mail_outbox} names a column that sending changes
 * and marking a mail sent is a HOT update; delivery stays at least once.
 */
class OutboxDueIT extends OutboxSenderFixture {

  /** A mail about the size of a registration mail (~1 kB of text inline, the HTML out of line). */
  static OutgoingMail sized(String to) {
    String text = "Dear delegate, your place is confirmed. ".repeat(25);
    return new OutgoingMail(
        MailKind.REGISTRATION_CONFIRMED.code(),
        UUID.randomUUID(),
        to,
        "en",
        "Your registration: Contract law update, 12 December",
        text,
        "<p>" + text.repeat(2) + "</p>",
        List.of(),
        "test:" + UUID.randomUUID(),
        false,
        null,
        null,
        null,
        null);
  }

  private void queueSized(int n) {
    transactions.executeWithoutResult(
        tx -> {
          for (int i = 0; i < n; i++) {
            outbox.enqueue(sized("d" + i + "@example.org"));
          }
        });
  }

  /** Mails PENDING and mails on the due list are the same mails. */
  private void assertDueListMatchesStatus() {
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from mail_outbox m full join mail_outbox_due d on d.id = m.id
                    where (m.status = 'PENDING') is distinct from (d.id is not null)
                    """)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void noIndexOfTheOutboxNamesAColumnThatSendingChanges() {
    List<String> indexes =
        jdbc.sql(
                "select pg_get_indexdef(indexrelid) from pg_index"
                    + " where indrelid = 'mail_outbox'::regclass")
            .query(String.class)
            .list();
    // The primary key, the dedupe key, created_at, the programme, the shared file and (issue 16,
    // tenth pass) the shared words.
    assertThat(indexes).hasSize(6);
    for (String column :
        List.of("status", "attempts", "sent_at", "last_error", "failure_code", "next_attempt_at")) {
      assertThat(indexes).noneMatch(d -> d.matches("(?s).*\\b" + column + "\\b.*"));
    }
  }

  /** The outbox's rows updated and HOT-updated as this connection counts them. */
  private int[] updates() {
    return jdbc.sql(
            """
            select n_tup_upd, n_tup_hot_upd from pg_stat_xact_user_tables
            where relname = 'mail_outbox'
            """)
        .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)})
        .single();
  }

  @Test
  void markingABatchSentIsAHotUpdateOfEveryRow() {
    queueSized(OutboxSender.BATCH);
    assertDueListMatchesStatus();
    OutboxSender sender = sender(smtpPort, new MailPace(limiter, 1000, 1000));
    // PostgreSQL's per-backend counters before and after, in one transaction (they also hold what
    // earlier transactions of the connection have not yet reported, hence the difference).
    int[] updates =
        transactions.execute(
            tx -> {
              int[] before = updates();
              assertThat(sender.sendDue()).isEqualTo(OutboxSender.BATCH);
              int[] after = updates();
              return new int[] {after[0] - before[0], after[1] - before[1]};
            });
    assertThat(updates[0]).as("rows updated").isEqualTo(OutboxSender.BATCH);
    assertThat(updates[1]).as("of them HOT").isEqualTo(OutboxSender.BATCH);
    assertThat(received()).hasSize(OutboxSender.BATCH);
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_outbox where status = 'SENT' and sent_at is not null")
                .query(Integer.class)
                .single())
        .isEqualTo(OutboxSender.BATCH);
    assertDueListMatchesStatus();
  }

  @Test
  void aCrashBetweenSendingAndMarkingSendsAgainAndLosesNothing() {
    queueSized(3);
    OutboxSender sender = sender(smtpPort, new MailPace(limiter, 1000, 1000));
    // The SMTP server accepts the batch, then the transaction that would mark it sent never
    // commits (the node dies): the rows are still PENDING and still on the due list.
    transactions.executeWithoutResult(
        tx -> {
          assertThat(sender.sendDue()).isEqualTo(3);
          tx.setRollbackOnly();
        });
    assertThat(received()).hasSize(3);
    assertThat(jdbc.sql("select count(*) from mail_outbox_due").query(Integer.class).single())
        .isEqualTo(3);
    assertDueListMatchesStatus();
    // The next run sends them again: at least once, nothing dropped.
    assertThat(sender.sendDue()).isEqualTo(3);
    assertThat(received()).hasSize(6);
    assertThat(jdbc.sql("select count(*) from mail_outbox_due").query(Integer.class).single())
        .isZero();
    assertThat(sender.sendDue()).isZero();
    assertDueListMatchesStatus();
  }

  @Test
  void heldBouncedFailedAndRetriedMailsLeaveAndJoinTheDueList() {
    queueSized(4);
    List<UUID> ids = jdbc.sql("select id from mail_outbox order by id").query(UUID.class).list();
    transactions.executeWithoutResult(
        tx -> {
          statuses.hold(ids.get(0));
          statuses.markBounced(ids.get(1), "returned");
          statuses.markAttemptFailed(
              ids.get(2),
              MailStatus.FAILED,
              clock.instant(),
              SmtpFailure.of(new IllegalStateException("refused")));
          statuses.markAttemptFailed(
              ids.get(3),
              MailStatus.PENDING,
              clock.instant().plusSeconds(3600),
              SmtpFailure.of(new IllegalStateException("later")));
        });
    assertDueListMatchesStatus();
    assertThat(jdbc.sql("select id from mail_outbox_due").query(UUID.class).list())
        .containsExactly(ids.get(3));
    // Tried again later: not due now.
    assertThat(sender(smtpPort, new MailPace(limiter, 1000, 1000)).sendDue()).isZero();
    // A mail whose row is removed is passed over, not claimed.
    jdbc.sql("delete from mail_outbox where id = :id").param("id", ids.get(3)).update();
    jdbc.sql("update mail_outbox_due set next_attempt_at = now()").update();
    assertThat(sender(smtpPort, new MailPace(limiter, 1000, 1000)).sendDue()).isZero();
    // ... and taken off the list by the claim that met it.
    assertThat(jdbc.sql("select count(*) from mail_outbox_due").query(Integer.class).single())
        .isZero();
  }

  @Test
  void theWaitingFigureCountsTheDueListRightAfterSendingHoldingAndBouncing() {
    queueSized(6);
    assertThat(repository.waitingAndFailed()).containsEntry("waiting", 6.0);
    List<UUID> ids = jdbc.sql("select id from mail_outbox order by id").query(UUID.class).list();
    transactions.executeWithoutResult(
        tx -> {
          statuses.hold(ids.get(0));
          statuses.markBounced(ids.get(1), "returned");
          statuses.markAttemptFailed(
              ids.get(2),
              MailStatus.PENDING,
              clock.instant().plusSeconds(3600),
              SmtpFailure.of(new IllegalStateException("later")));
        });
    // Held and bounced leave; a retry later still waits.
    assertThat(repository.waitingAndFailed())
        .containsEntry("waiting", 4.0)
        .containsEntry("failed", 1.0);
    // The due ones are sent; the one tried again later still waits.
    assertThat(sender(smtpPort, new MailPace(limiter, 1000, 1000)).sendDue()).isEqualTo(3);
    assertThat(repository.waitingAndFailed()).containsEntry("waiting", 1.0);
    // An entry whose mail is gone, or whose mail is no longer PENDING, is not a waiting mail.
    jdbc.sql("delete from mail_outbox where id = :id").param("id", ids.get(2)).update();
    jdbc.sql("insert into mail_outbox_due (id, lane, next_attempt_at) values (:id, 0, now())")
        .param("id", ids.get(3))
        .update();
    assertThat(repository.waitingAndFailed())
        .containsEntry("waiting", 0.0)
        .containsEntry("failed", 1.0);
  }
}
