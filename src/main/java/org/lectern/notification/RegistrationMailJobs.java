package org.lectern.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.registration.RegistrationConfirmed;
import org.lectern.registration.RegistrationPending;
import org.lectern.registration.RegistrationService;
import org.lectern.registration.RegistrationStatus;
import org.lectern.registration.RegistrationWaitlisted;
import org.lectern.registration.RegistrationsAdmitted;
import org.lectern.shared.database.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail of a new registration — confirmed, waitlisted or pending — without a second transaction
 * per registration (issue 16). The event is heard inside the registration's own transaction and
 * only the kind and the registration are noted ({@code registration_mail_job}), so the note commits
 * with the registration or not at all, with the same fsync. Composing the mail (programme facts,
 * calendar file, wording, encryption) happens after the commit on one background thread, in batches
 * that load each programme's facts and calendar once; the outbox job composes what is left (after a
 * crash, or on another node) before it sends. A job is deleted in the transaction that queues its
 * mail, so every noted registration gets its mail at least once, and the outbox's dedupe key keeps
 * it to one.
 */
@Component
record RegistrationMailJobs(
    JdbcClient jdbc,
    RegistrationMails mails,
    DelegateRegistrations directory,
    RegistrationService registrations,
    Transactions transactions,
    Clock clock,
    RegistrationMailThread thread) {

  private static final Logger log = LoggerFactory.getLogger(RegistrationMailJobs.class);
  static final int BATCH = 50;
  static final Duration RETRY = Duration.ofMinutes(1);

  @EventListener
  void on(RegistrationConfirmed e) {
    note(RegistrationMailKind.CONFIRMED, e.registrationId());
  }

  @EventListener
  void on(RegistrationWaitlisted e) {
    note(RegistrationMailKind.WAITLISTED, e.registrationId());
  }

  @EventListener
  void on(RegistrationPending e) {
    note(RegistrationMailKind.PENDING, e.registrationId());
  }

  /** Registered together (ADR 0004, group commit): their notes in one statement. */
  @EventListener
  void on(RegistrationsAdmitted e) {
    RegistrationMailKind kind =
        e.status() == RegistrationStatus.PENDING
            ? RegistrationMailKind.PENDING
            : RegistrationMailKind.CONFIRMED;
    // One text for every batch size (an array, not a list of values): parsed and planned once per
    // connection (issue 16, eighth pass).
    jdbc.sql(
            """
            insert into registration_mail_job (kind, registration_id, created_at, next_attempt_at)
            select :kind, r, now(), now()
            from unnest(cast(:ids as uuid[])) with ordinality as j (r, ord) order by ord
            """)
        .param("kind", kind.code())
        .param("ids", e.registrationIds().toArray(UUID[]::new))
        .update();
    thread.soonAfterCommit(this::composeAllDue);
  }

  /** In the publisher's transaction: one row, no personal data; composed after the commit. */
  private void note(RegistrationMailKind kind, UUID registrationId) {
    jdbc.sql(
            """
            insert into registration_mail_job (kind, registration_id, created_at, next_attempt_at)
            values (:kind, :r, now(), now())
            """)
        .param("kind", kind.code())
        .param("r", registrationId)
        .update();
    thread.soonAfterCommit(this::composeAllDue);
  }

  /** Asks the background thread to compose what is due; calls while it works coalesce. */
  void soon() {
    thread.soon(this::composeAllDue);
  }

  private void composeAllDue() {
    while (composeDue() == BATCH) {
      // more are waiting
    }
  }

  private record Job(long id, String kind, UUID registrationId, int attempts) {}

  /**
   * Composes and queues up to {@link #BATCH} due mails in one transaction; returns how many jobs it
   * took. First the whole batch at once, the jobs deleted in one statement (issue 16: no savepoint
   * and no delete per mail); if any mail of it fails, that transaction rolls back and the batch is
   * composed again one mail at a time, each in its own savepoint, so a job that fails is put back
   * for a minute (its registration's mail waits, no other's).
   */
  int composeDue() {
    Integer taken;
    try {
      taken = transactions.result(() -> composeBatch(false));
    } catch (RuntimeException oneFailed) {
      taken = transactions.result(() -> composeBatch(true));
    }
    return taken == null ? 0 : taken;
  }

  private int composeBatch(boolean oneByOne) {
    List<Job> due =
        jdbc.sql(
                """
                select id, kind, registration_id, attempts from registration_mail_job
                where next_attempt_at <= :now order by id limit :n
                for update skip locked
                """)
            .param("now", java.sql.Timestamp.from(clock.instant()))
            .param("n", BATCH)
            .query(
                (rs, i) ->
                    new Job(
                        rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getInt(4)))
            .list();
    // The whole batch's people in one statement, their addresses recorded in one, their mails
    // queued in one (issue 16: each was one per mail); one by one, each is read, recorded and
    // queued in its own savepoint as before.
    var memo = oneByOne ? new RegistrationMails.Memo() : RegistrationMails.Memo.collects();
    Map<UUID, MailRecipient> contacts =
        oneByOne ? Map.of() : directory.contactsOf(due.stream().map(Job::registrationId).toList());
    mails.remember(contacts.values(), memo);
    for (Job job : due) {
      if (oneByOne) {
        composeAlone(job, memo);
      } else {
        compose(job, memo, Optional.ofNullable(contacts.get(job.registrationId())));
      }
    }
    mails.queue(memo);
    if (!oneByOne && !due.isEmpty()) {
      jdbc.sql("delete from registration_mail_job where id = any(cast(:ids as bigint[]))")
          .param("ids", due.stream().mapToLong(Job::id).toArray())
          .update();
    }
    return due.size();
  }

  private void compose(Job job, RegistrationMails.Memo memo, Optional<MailRecipient> contact) {
    RegistrationMailKind kind = kindOf(job.kind());
    Integer position =
        kind == RegistrationMailKind.WAITLISTED
            ? registrations.find(job.registrationId()).map(registrations::position).orElse(null)
            : null;
    contact.ifPresent(c -> mails.send(kind, c, position, null, memo));
  }

  private void composeAlone(Job job, RegistrationMails.Memo memo) {
    try {
      transactions.savepoint(
          () -> {
            compose(job, memo, directory.contactOf(job.registrationId()));
            jdbc.sql("delete from registration_mail_job where id = :id")
                .param("id", job.id())
                .update();
          });
    } catch (RuntimeException e) {
      // A file stored in the savepoint just rolled back is gone: the next mail stores it again.
      memo.forgetFiles();
      jdbc.sql(
              """
              update registration_mail_job set attempts = attempts + 1, next_attempt_at = :next,
                last_error = :error where id = :id
              """)
          .param("id", job.id())
          .param("next", java.sql.Timestamp.from(clock.instant().plus(RETRY)))
          .param("error", OutboxSender.describe(e))
          .update();
      log.warn(
          "Mail {} of registration job {} failed (attempt {}): {}",
          job.kind(),
          job.id(),
          job.attempts() + 1,
          OutboxSender.describe(e));
    }
  }

  private static RegistrationMailKind kindOf(String code) {
    for (RegistrationMailKind k : RegistrationMailKind.values()) {
      if (k.code().equals(code)) {
        return k;
      }
    }
    throw new IllegalStateException("unknown registration mail kind " + code);
  }
}
