package org.lectern.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the mail outbox; encrypts on the way in and decrypts on the way out. */
@Repository
class OutboxRepository {

  static final String TO = "mail.to";
  static final String SUBJECT = "mail.subject";
  static final String TEXT = "mail.text";
  static final String HTML = "mail.html";
  static final String UNSUBSCRIBE = "mail.unsubscribe";
  static final String ATTACHMENT = "mail.attachment";

  private static final String COLUMNS =
      "id, kind, related_id, recipient, subject, body_text, body_html, language, status, attempts,"
          + " next_attempt_at, last_error, created_at, sent_at, neutral, sender_name, unsubscribe_url,"
          + " programme_id, organisation_id, dedupe_key";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final MailFiles files;

  OutboxRepository(JdbcClient jdbc, PersonalDataCipher cipher, MailFiles files) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.files = files;
  }

  /**
   * A locked due row with only what the pace and the undeliverable marks need decrypted (the
   * recipient); the rest stays sealed until {@link #open} (issue 16: a row the pace refuses was
   * decrypted whole, five fields, for nothing).
   */
  record Claimed(UUID id, String to, UUID organisationId, int lane, Sealed sealed) {}

  /** The columns of a claimed row as read, the encrypted ones still encrypted. */
  record Sealed(
      String kind,
      UUID relatedId,
      String language,
      byte[] subject,
      byte[] text,
      byte[] html,
      String dedupeKey,
      boolean neutral,
      String senderName,
      byte[] unsubscribe,
      UUID programmeId,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant createdAt) {}

  /**
   * Locks up to {@code limit} due messages; other nodes skip them until this transaction ends. The
   * due list is {@code mail_outbox_due} (V202612130200): its rows are chosen and locked on their
   * own (lane, time) index — materialised, so that the plan never starts from the outbox, whose
   * status is not indexed — then the mails are read, so marking them sent stays a HOT update. An
   * entry whose mail is gone or no longer {@code PENDING} is taken off the list in the same
   * statement.
   */
  List<Claimed> claimDue(Instant now, int limit) {
    return jdbc.sql(
            "with due as materialized (select id, lane, next_attempt_at from mail_outbox_due"
                + " where next_attempt_at <= :now order by lane, next_attempt_at limit :limit"
                + " for update skip locked),"
                + " mail as materialized (select m.*, due.lane as due_lane, due.next_attempt_at"
                + " as due_at from due join mail_outbox m on m.id = due.id and m.status = 'PENDING'),"
                + " stale as (delete from mail_outbox_due s using due where s.id = due.id"
                + " and not exists (select 1 from mail as x where x.id = due.id))"
                + " select "
                + COLUMNS
                + ", due_lane as lane from mail order by due_lane, due_at")
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(
            (rs, i) ->
                new Claimed(
                    rs.getObject("id", UUID.class),
                    cipher.decrypt(rs.getBytes("recipient"), TO),
                    rs.getObject("organisation_id", UUID.class),
                    rs.getInt("lane"),
                    new Sealed(
                        rs.getString("kind"),
                        rs.getObject("related_id", UUID.class),
                        rs.getString("language"),
                        rs.getBytes("subject"),
                        rs.getBytes("body_text"),
                        rs.getBytes("body_html"),
                        rs.getString("dedupe_key"),
                        rs.getBoolean("neutral"),
                        rs.getString("sender_name"),
                        rs.getBytes("unsubscribe_url"),
                        rs.getObject("programme_id", UUID.class),
                        rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant())))
        .list();
  }

  /** The claimed rows that will be sent, decrypted whole, with their attachments (one look-up). */
  List<OutboxMessage> open(List<Claimed> claimed) {
    if (claimed.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<MailAttachment>> attached = files.of(claimed.stream().map(Claimed::id).toList());
    return claimed.stream()
        .map(
            c -> {
              Sealed s = c.sealed();
              return new OutboxMessage(
                  c.id(),
                  new OutgoingMail(
                      s.kind(),
                      s.relatedId(),
                      c.to(),
                      s.language(),
                      cipher.decrypt(s.subject(), SUBJECT),
                      cipher.decrypt(s.text(), TEXT),
                      cipher.decrypt(s.html(), HTML),
                      attached.getOrDefault(c.id(), List.of()),
                      s.dedupeKey(),
                      s.neutral(),
                      s.senderName(),
                      cipher.decrypt(s.unsubscribe(), UNSUBSCRIBE),
                      s.programmeId(),
                      c.organisationId()),
                  MailStatus.PENDING,
                  s.attempts(),
                  s.nextAttemptAt(),
                  s.lastError(),
                  s.createdAt(),
                  null);
            })
        .toList();
  }

  List<OutboxMessage> recent(int limit, int offset) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from mail_outbox order by created_at desc, id limit :l offset :o")
        .param("l", limit)
        .param("o", offset)
        .query((rs, i) -> map(rs))
        .list();
  }

  int count() {
    return jdbc.sql("select count(*) from mail_outbox").query(Integer.class).single();
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
                next_attempt_at = :next, last_error = :error, failure_code = :code where id = :id),
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
              update mail_outbox set status = 'HELD' where id = :id and status = 'PENDING')
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
              where id = :id and status in ('SENT', 'PENDING', 'FAILED'))
            delete from mail_outbox_due where id = :id
            """)
        .param("id", id)
        .param("detail", detail)
        .update();
  }

  /** One message, decrypted, without attachments. */
  java.util.Optional<OutboxMessage> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from mail_outbox where id = :id")
        .param("id", id)
        .query((rs, i) -> map(rs))
        .optional();
  }

  private OutboxMessage map(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Timestamp sent = rs.getTimestamp("sent_at");
    return new OutboxMessage(
        id,
        new OutgoingMail(
            rs.getString("kind"),
            rs.getObject("related_id", UUID.class),
            cipher.decrypt(rs.getBytes("recipient"), TO),
            rs.getString("language"),
            cipher.decrypt(rs.getBytes("subject"), SUBJECT),
            cipher.decrypt(rs.getBytes("body_text"), TEXT),
            cipher.decrypt(rs.getBytes("body_html"), HTML),
            List.of(),
            rs.getString("dedupe_key"),
            rs.getBoolean("neutral"),
            rs.getString("sender_name"),
            cipher.decrypt(rs.getBytes("unsubscribe_url"), UNSUBSCRIBE),
            rs.getObject("programme_id", UUID.class),
            rs.getObject("organisation_id", UUID.class)),
        MailStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getTimestamp("next_attempt_at").toInstant(),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        sent == null ? null : sent.toInstant());
  }

  List<MailAttachment> attachments(UUID mailId) {
    return files.of(List.of(mailId)).getOrDefault(mailId, List.of());
  }

  /** For monitoring: mails not yet sent (retries included) and mails given up. */
  Map<String, Double> waitingAndFailed() {
    Map<String, Double> out = new HashMap<>();
    jdbc.sql(
            "select count(*) filter (where status = 'PENDING'),"
                + " count(*) filter (where status in ('FAILED', 'BOUNCED')) from mail_outbox")
        .query(
            (rs, n) -> {
              out.put("waiting", rs.getDouble(1));
              return out.put("failed", rs.getDouble(2));
            })
        .list();
    return out;
  }
}
