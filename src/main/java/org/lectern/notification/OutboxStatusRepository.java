package org.lectern.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of what became of each outbox mail after an attempt — sent, put back until later, failed,
 * held for an undeliverable address, bounced — each keeping the due list ({@code mail_outbox_due})
 * in step in the same statement (ADR 0004, amendment on the outbox's "sent" as a HOT update), and
 * the list of problems ({@code mail_outbox_problem}: failed for good, held, bounced; V202612150400)
 * that the figures count.
 */
@Repository
class OutboxStatusRepository {

  private final JdbcClient jdbc;

  OutboxStatusRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Marks the messages of one batch sent and takes them off the due list, in one statement. A
   * message that meanwhile left {@code PENDING} (a bounce of an earlier delivery) keeps its status.
   */
  void markSent(Collection<UUID> ids, Instant now) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            with sent as (
              update mail_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1,
                last_error = null where id = any(cast(:ids as uuid[])) and status = 'PENDING')
            delete from mail_outbox_due where id = any(cast(:ids as uuid[]))
            """)
        .param("ids", ids.toArray(UUID[]::new))
        .param("now", Timestamp.from(now))
        .update();
  }

  /**
   * Puts messages back, each until its own time, without counting an attempt (they were not tried):
   * one statement for all (issue 16: it was one per message).
   */
  void deferAll(Map<UUID, Instant> next) {
    if (next.isEmpty()) {
      return;
    }
    List<UUID> ids = new java.util.ArrayList<>(next.keySet());
    jdbc.sql(
            """
            with later as (
              select * from unnest(cast(:ids as uuid[]), cast(:nexts as timestamptz[])) as d(id, next)),
            mail as (
              update mail_outbox m set next_attempt_at = l.next from later l where m.id = l.id)
            update mail_outbox_due d set next_attempt_at = l.next from later l where d.id = l.id
            """)
        .param("ids", ids.toArray(UUID[]::new))
        .param(
            "nexts",
            ids.stream()
                .map(
                    id ->
                        java.time.OffsetDateTime.ofInstant(next.get(id), java.time.ZoneOffset.UTC)
                            .toString())
                .toArray(String[]::new))
        .update();
  }

  void markAttemptFailed(UUID id, MailStatus status, Instant next, SmtpFailure failure) {
    // Still due (a later attempt) or off the due list (given up).
    jdbc.sql(
            """
            with mail as (
              update mail_outbox set status = :status, attempts = attempts + 1,
                next_attempt_at = :next, last_error = :error, failure_code = :code where id = :id
              returning id, programme_id),
            problem as (
              insert into mail_outbox_problem (id, status, programme_id)
              select id, :status, programme_id from mail where :status <> 'PENDING'
              on conflict (id) do update set status = excluded.status),
            due as (
              update mail_outbox_due set next_attempt_at = :next
              where id = :id and :status = 'PENDING')
            delete from mail_outbox_due where id = :id and :status <> 'PENDING'
            """)
        .param("id", id)
        .param("status", status.name())
        .param("next", Timestamp.from(next))
        .param("error", failure.description())
        .param("code", failure.code())
        .update();
  }

  /** Not sent: the address is undeliverable for the organisation. */
  void hold(UUID id) {
    jdbc.sql(
            """
            with held as (
              update mail_outbox set status = 'HELD' where id = :id and status = 'PENDING'
              returning id, programme_id),
            problem as (
              insert into mail_outbox_problem (id, status, programme_id)
              select id, 'HELD', programme_id from held on conflict (id) do nothing)
            delete from mail_outbox_due where id = :id
            """)
        .param("id", id)
        .update();
  }

  /** A delivered message came back (a delivery status notification or a complaint). */
  void markBounced(UUID id, String detail) {
    jdbc.sql(
            """
            with bounced as (
              update mail_outbox set status = 'BOUNCED', last_error = :detail
              where id = :id and status in ('SENT', 'PENDING', 'FAILED') returning id, programme_id),
            problem as (
              insert into mail_outbox_problem (id, status, programme_id)
              select id, 'BOUNCED', programme_id from bounced
              on conflict (id) do update set status = 'BOUNCED')
            delete from mail_outbox_due where id = :id
            """)
        .param("id", id)
        .param("detail", detail)
        .update();
  }
}
