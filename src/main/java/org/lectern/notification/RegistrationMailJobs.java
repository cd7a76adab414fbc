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
    // One row for the batch, its registrations in arrival order (issue 16, ninth pass: it was a
    // row, a foreign-key check and a delete per registration).
    jdbc.sql(
            """
            insert into registration_mail_job (kind, registration_ids, created_at, next_attempt_at)
            values (:kind, cast(:ids as uuid[]), now(), now())
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

  /**
   * A note: one registration ({@code registration_id}) or the registrations of a group batch
   * ({@code registration_ids}, in arrival order).
   */
  private record Job(
      long id, String kind, List<UUID> registrationIds, boolean listed, int attempts) {}

  /** One registration's mail of a note. */
  private record Mail(Job job, UUID registrationId) {}

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
    List<Job> notes =
        jdbc.sql(
                """
                select id, kind, registration_id, registration_ids, attempts
                from registration_mail_job
                where next_attempt_at <= :now order by id limit :n
                for update skip locked
                """)
            .param("now", java.sql.Timestamp.from(clock.instant()))
            .param("n", BATCH)
            .query(
                (rs, i) -> {
                  java.sql.Array listed = rs.getArray(4);
                  return listed == null
                      ? new Job(
                          rs.getLong(1),
                          rs.getString(2),
                          List.of(rs.getObject(3, UUID.class)),
                          false,
                          rs.getInt(5))
                      : new Job(
                          rs.getLong(1),
                          rs.getString(2),
                          List.of((UUID[]) listed.getArray()),
                          true,
                          rs.getInt(5));
                })
            .list();
    // Notes in order up to about BATCH mails (at least one note); the others are left for the next
    // round, which the answer BATCH asks for.
    List<Job> due = new java.util.ArrayList<>();
    List<Mail> mailsDue = new java.util.ArrayList<>();
    for (Job note : notes) {
      if (!due.isEmpty() && mailsDue.size() + note.registrationIds().size() > BATCH) {
        break;
      }
      due.add(note);
      note.registrationIds().forEach(r -> mailsDue.add(new Mail(note, r)));
    }
    // The whole batch's people in one statement, their addresses recorded in one, their mails
    // queued in one (issue 16: each was one per mail); one by one, each is read, recorded and
    // queued in its own savepoint as before.
    var memo = oneByOne ? new RegistrationMails.Memo() : RegistrationMails.Memo.collects();
    Map<UUID, MailRecipient> contacts =
        oneByOne
            ? Map.of()
            : directory.contactsOf(mailsDue.stream().map(Mail::registrationId).toList());
    mails.remember(contacts.values(), memo);
    for (Mail mail : mailsDue) {
      if (oneByOne) {
        composeAlone(mail, memo);
      } else {
        compose(mail, memo, Optional.ofNullable(contacts.get(mail.registrationId())));
      }
    }
    mails.queue(memo);
    // A batch's note goes once all its mails are queued (one by one, a failed mail got a note of
    // its own in composeAlone); a single registration's note as before.
    long[] done = due.stream().filter(j -> !oneByOne || j.listed()).mapToLong(Job::id).toArray();
    if (done.length > 0) {
      jdbc.sql("delete from registration_mail_job where id = any(cast(:ids as bigint[]))")
          .param("ids", done)
          .update();
    }
    return due.size() < notes.size() ? BATCH : notes.size();
  }

  private void compose(Mail mail, RegistrationMails.Memo memo, Optional<MailRecipient> contact) {
    RegistrationMailKind kind = kindOf(mail.job().kind());
    Integer position =
        kind == RegistrationMailKind.WAITLISTED
            ? registrations.find(mail.registrationId()).map(registrations::position).orElse(null)
            : null;
    contact.ifPresent(c -> mails.send(kind, c, position, null, memo));
  }

  private void composeAlone(Mail mail, RegistrationMails.Memo memo) {
    Job job = mail.job();
    try {
      transactions.savepoint(
          () -> {
            compose(mail, memo, directory.contactOf(mail.registrationId()));
            if (!job.listed()) {
              jdbc.sql("delete from registration_mail_job where id = :id")
                  .param("id", job.id())
                  .update();
            }
          });
    } catch (RuntimeException e) {
      // A file stored in the savepoint just rolled back is gone: the next mail stores it again.
      memo.forgetFiles();
      java.sql.Timestamp next = java.sql.Timestamp.from(clock.instant().plus(RETRY));
      if (job.listed()) {
        // This registration of a batch's note waits in a note of its own; the others go on.
        jdbc.sql(
                """
                insert into registration_mail_job
                  (kind, registration_id, created_at, next_attempt_at, attempts, last_error)
                values (:kind, :r, now(), :next, :attempts, :error)
                """)
            .param("kind", job.kind())
            .param("r", mail.registrationId())
            .param("next", next)
            .param("attempts", job.attempts() + 1)
            .param("error", OutboxSender.describe(e))
            .update();
      } else {
        jdbc.sql(
                """
                update registration_mail_job set attempts = attempts + 1, next_attempt_at = :next,
                  last_error = :error where id = :id
                """)
            .param("id", job.id())
            .param("next", next)
            .param("error", OutboxSender.describe(e))
            .update();
      }
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
