package org.lectern.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
  static final String GREETING = "mail.greeting";

  private static final String COLUMNS =
      "id, kind, related_id, recipient, subject, body_text, body_html, language, status, attempts,"
          + " next_attempt_at, last_error, created_at, sent_at, neutral, sender_name, unsubscribe_url,"
          + " programme_id, organisation_id, dedupe_key, shared_body_id, greeting";

  /** A row's shared words (null: it has its own), read with the row on the outbox page. */
  private static final String SHARED_BODY =
      ", (select b.body from mail_shared_body b where b.id = mail_outbox.shared_body_id)"
          + " as shared_body";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final MailFiles files;
  private final SharedBodies bodies;

  OutboxRepository(
      JdbcClient jdbc, PersonalDataCipher cipher, MailFiles files, SharedBodies bodies) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.files = files;
    this.bodies = bodies;
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
      UUID bodyId,
      byte[] greeting,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant createdAt) {}

  /**
   * The claim's text for a batch of {@code limit} (issue 16, thirteenth pass). The limit is part of
   * the text, not a parameter: with {@code limit $2} PostgreSQL's generic plan assumes a tenth of
   * the list and costs three times the custom plan, so every claim was planned anew (0.36 ms, more
   * than it ran); with the number written the generic plan is as cheap and is kept. The senders use
   * one batch size, so the text stays one. The entries without a {@code PENDING} mail are deleted
   * through the primary key, an array of their ids — usually empty — where the join of the list
   * with the claimed ids read the whole list on every claim.
   */
  static String claimText(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit);
    }
    return "with due as materialized (select id, lane, next_attempt_at from mail_outbox_due"
        + " where next_attempt_at <= :now order by lane, next_attempt_at limit "
        + limit
        + " for update skip locked),"
        + " mail as materialized (select m.*, due.lane as due_lane, due.next_attempt_at"
        + " as due_at from due join mail_outbox m on m.id = due.id and m.status = 'PENDING'),"
        + " stale as (delete from mail_outbox_due s where s.id = any(array(select due.id from due"
        + " where not exists (select 1 from mail as x where x.id = due.id))))"
        + " select "
        + COLUMNS
        + ", due_lane as lane from mail order by due_lane, due_at";
  }

  /**
   * Locks up to {@code limit} due messages; other nodes skip them until this transaction ends. The
   * due list is {@code mail_outbox_due} (V202612130200): its rows are chosen and locked on their
   * own (lane, time) index — materialised, so that the plan never starts from the outbox, whose
   * status is not indexed — then the mails are read, so marking them sent stays a HOT update. An
   * entry whose mail is gone or no longer {@code PENDING} is taken off the list in the same
   * statement.
   */
  List<Claimed> claimDue(Instant now, int limit) {
    return jdbc.sql(claimText(limit))
        .param("now", Timestamp.from(now))
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
                        rs.getObject("shared_body_id", UUID.class),
                        rs.getBytes("greeting"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant())))
        .list();
  }

  /**
   * The claimed rows that will be sent, decrypted whole, with their attachments (one look-up) and
   * their shared words (one look-up, each body decrypted once).
   */
  List<OutboxMessage> open(List<Claimed> claimed) {
    if (claimed.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<MailAttachment>> attached = files.of(claimed.stream().map(Claimed::id).toList());
    Map<UUID, SharedBodies.Stored> shared =
        bodies.read(
            claimed.stream()
                .map(c -> c.sealed().bodyId())
                .filter(java.util.Objects::nonNull)
                .toList());
    return claimed.stream()
        .map(
            c -> {
              Sealed s = c.sealed();
              if (s.bodyId() != null) {
                String greeting = cipher.decrypt(s.greeting(), GREETING);
                SharedBodies.Stored stored = shared.get(s.bodyId());
                MailBody body = stored == null ? MailBody.SHREDDED : stored.body();
                return message(
                    c,
                    s,
                    body.subject(),
                    body.text(greeting),
                    body.html(greeting),
                    attached.getOrDefault(c.id(), List.of()));
              }
              return message(
                  c,
                  s,
                  cipher.decrypt(s.subject(), SUBJECT),
                  cipher.decrypt(s.text(), TEXT),
                  cipher.decrypt(s.html(), HTML),
                  attached.getOrDefault(c.id(), List.of()));
            })
        .toList();
  }

  private OutboxMessage message(
      Claimed c, Sealed s, String subject, String text, String html, List<MailAttachment> files) {
    return new OutboxMessage(
        c.id(),
        new OutgoingMail(
            s.kind(),
            s.relatedId(),
            c.to(),
            s.language(),
            subject,
            text,
            html,
            files,
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
  }

  List<OutboxMessage> recent(int limit, int offset) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + SHARED_BODY
                + " from mail_outbox order by created_at desc, id limit :l offset :o")
        .param("l", limit)
        .param("o", offset)
        .query((rs, i) -> map(rs))
        .list();
  }

  int count() {
    return jdbc.sql("select count(*) from mail_outbox").query(Integer.class).single();
  }

  /** One message, decrypted, without attachments. */
  java.util.Optional<OutboxMessage> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + SHARED_BODY + " from mail_outbox where id = :id")
        .param("id", id)
        .query((rs, i) -> map(rs))
        .optional();
  }

  private OutboxMessage map(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Timestamp sent = rs.getTimestamp("sent_at");
    MailBody body = bodies.open(rs.getBytes("shared_body"));
    String greeting = body == null ? null : cipher.decrypt(rs.getBytes("greeting"), GREETING);
    return new OutboxMessage(
        id,
        new OutgoingMail(
            rs.getString("kind"),
            rs.getObject("related_id", UUID.class),
            cipher.decrypt(rs.getBytes("recipient"), TO),
            rs.getString("language"),
            body != null ? body.subject() : cipher.decrypt(rs.getBytes("subject"), SUBJECT),
            body != null ? body.text(greeting) : cipher.decrypt(rs.getBytes("body_text"), TEXT),
            body != null ? body.html(greeting) : cipher.decrypt(rs.getBytes("body_html"), HTML),
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

  /**
   * For monitoring: mails not yet sent (retries included) and mails given up. The waiting mails are
   * counted on the due list ({@code mail_outbox_due}, one primary-key look-up of the mail per entry
   * so that an entry whose mail is gone or no longer {@code PENDING} is not counted), not by
   * reading the whole outbox, whose status no index names; the failed ones on the list of problems
   * ({@code mail_outbox_problem}, V202612150400), likewise.
   */
  Map<String, Double> waitingAndFailed() {
    Map<String, Double> out = new HashMap<>();
    jdbc.sql(
            "select (select count(*) from mail_outbox_due d join mail_outbox m on m.id = d.id"
                + " and m.status = 'PENDING'),"
                + " (select count(*) from mail_outbox_problem where status in ('FAILED', 'BOUNCED'))")
        .query(
            (rs, n) -> {
              out.put("waiting", rs.getDouble(1));
              return out.put("failed", rs.getDouble(2));
            })
        .list();
    return out;
  }
}
