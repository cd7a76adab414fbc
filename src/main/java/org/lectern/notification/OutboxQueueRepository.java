package org.lectern.notification;

import static org.lectern.notification.OutboxRepository.GREETING;
import static org.lectern.notification.OutboxRepository.HTML;
import static org.lectern.notification.OutboxRepository.SUBJECT;
import static org.lectern.notification.OutboxRepository.TEXT;
import static org.lectern.notification.OutboxRepository.TO;
import static org.lectern.notification.OutboxRepository.UNSUBSCRIBE;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL that puts mails into the outbox, sealed under their programme's (or the installation's) key;
 * {@link OutboxRepository} claims, opens and marks them.
 */
@Component
record OutboxQueueRepository(JdbcClient jdbc, MailKeyRepository keys, MailFiles files) {

  /**
   * Inserts unless a message with the same dedupe key exists, as {@code PENDING} or {@code HELD};
   * true when inserted.
   */
  boolean insert(UUID id, OutgoingMail m, Instant now, MailStatus status) {
    return !insertAll(List.of(new Queued(id, m, status)), now).isEmpty();
  }

  /**
   * A mail to queue, with its id and first status. A mail whose words are stored once for many
   * ({@code bodyId}, {@link SharedBodies}) keeps only its {@code greeting}: its subject, text and
   * HTML are not stored with it (issue 16, tenth pass), nor its shared file, which the body names.
   */
  record Queued(UUID id, OutgoingMail mail, MailStatus status, UUID bodyId, String greeting) {

    Queued(UUID id, OutgoingMail mail, MailStatus status) {
      this(id, mail, status, null, null);
    }
  }

  /**
   * Inserts the mails in one statement (issue 16: it was one per mail), each unless a message with
   * the same dedupe key exists; answers the ids inserted. A file shared by many mails is referred
   * to ({@code shared_attachment_id}), other files are stored with their mail.
   */
  Set<UUID> insertAll(List<Queued> mails, Instant now) {
    if (mails.isEmpty()) {
      return Set.of();
    }
    int n = mails.size();
    String[] ids = new String[n];
    String[] kinds = new String[n];
    String[] related = new String[n];
    byte[][] to = new byte[n][];
    byte[][] subjects = new byte[n][];
    byte[][] texts = new byte[n][];
    byte[][] htmls = new byte[n][];
    String[] languages = new String[n];
    String[] dedupeKeys = new String[n];
    boolean[] neutral = new boolean[n];
    String[] senders = new String[n];
    int[] lanes = new int[n];
    byte[][] unsubscribes = new byte[n][];
    String[] programmes = new String[n];
    String[] organisations = new String[n];
    String[] statuses = new String[n];
    String[] shared = new String[n];
    String[] bodies = new String[n];
    byte[][] greetings = new byte[n][];
    for (int i = 0; i < n; i++) {
      Queued q = mails.get(i);
      OutgoingMail m = q.mail();
      MailKeyRepository.Sealer cipher = keys.sealerFor(m);
      ids[i] = mails.get(i).id().toString();
      kinds[i] = m.kind();
      related[i] = text(m.relatedId());
      to[i] = cipher.encrypt(m.to(), TO);
      if (q.bodyId() == null) {
        subjects[i] = cipher.encrypt(m.subject(), SUBJECT);
        texts[i] = cipher.encrypt(m.text(), TEXT);
        htmls[i] = cipher.encrypt(m.html(), HTML);
        shared[i] = text(shared(m));
      } else {
        bodies[i] = q.bodyId().toString();
        greetings[i] = cipher.encrypt(q.greeting(), GREETING);
      }
      languages[i] = m.language();
      dedupeKeys[i] = m.dedupeKey();
      neutral[i] = m.neutral();
      senders[i] = m.senderName();
      lanes[i] = MailLane.of(MailKind.require(m.kind())).priority();
      unsubscribes[i] = cipher.encrypt(m.unsubscribeUrl(), UNSUBSCRIBE);
      programmes[i] = text(m.programmeId());
      organisations[i] = text(m.organisationId());
      statuses[i] = q.status().name();
    }
    // One array per column, so the text is the same for every batch size: parsed and planned once
    // per connection (issue 16, eighth pass; a text per size was parsed and planned every time).
    Map<String, Object> params = new HashMap<>();
    params.put("now", Timestamp.from(now));
    params.put("ids", ids);
    params.put("kinds", kinds);
    params.put("related", related);
    params.put("to", to);
    params.put("subjects", subjects);
    params.put("texts", texts);
    params.put("htmls", htmls);
    params.put("languages", languages);
    params.put("keys", dedupeKeys);
    params.put("neutral", neutral);
    params.put("senders", senders);
    params.put("lanes", lanes);
    params.put("unsubscribes", unsubscribes);
    params.put("programmes", programmes);
    params.put("organisations", organisations);
    params.put("statuses", statuses);
    params.put("shared", shared);
    params.put("bodies", bodies);
    params.put("greetings", greetings);
    String sql = INSERT;
    Set<UUID> inserted = new HashSet<>(jdbc.sql(sql).params(params).query(UUID.class).list());
    for (Queued q : mails) {
      if (inserted.contains(q.id())) {
        files.attachOwn(q.id(), q.mail());
      }
    }
    return inserted;
  }

  // A PENDING mail is listed in mail_outbox_due in the same statement (V202612130200: no index of
  // the outbox names the status, so marking it sent is a HOT update), a held one in
  // mail_outbox_problem (V202612150400).
  private static final String INSERT =
      """
      with queued as (
      insert into mail_outbox (id, kind, related_id, recipient, subject, body_text, body_html,
        language, next_attempt_at, created_at, dedupe_key, neutral, sender_name, lane,
        unsubscribe_url, programme_id, organisation_id, status, shared_attachment_id,
        shared_body_id, greeting)
      select id, kind, related_id, recipient, subject, body_text, body_html, language, :now, :now,
        dedupe_key, neutral, sender_name, lane, unsubscribe_url, programme_id, organisation_id,
        status, shared_attachment_id, shared_body_id, greeting
      from unnest(cast(:ids as uuid[]), cast(:kinds as text[]), cast(:related as uuid[]),
        cast(:to as bytea[]), cast(:subjects as bytea[]), cast(:texts as bytea[]),
        cast(:htmls as bytea[]), cast(:languages as text[]), cast(:keys as text[]),
        cast(:neutral as boolean[]), cast(:senders as text[]), cast(:lanes as smallint[]),
        cast(:unsubscribes as bytea[]), cast(:programmes as uuid[]), cast(:organisations as uuid[]),
        cast(:statuses as text[]), cast(:shared as uuid[]), cast(:bodies as uuid[]),
        cast(:greetings as bytea[])) with ordinality
        as m (id, kind, related_id, recipient, subject, body_text, body_html, language, dedupe_key,
          neutral, sender_name, lane, unsubscribe_url, programme_id, organisation_id, status,
          shared_attachment_id, shared_body_id, greeting, ord)
      order by ord
      on conflict (dedupe_key) do nothing returning id, lane, next_attempt_at, status, programme_id),
      due as (
        insert into mail_outbox_due (id, lane, next_attempt_at)
        select id, lane, next_attempt_at from queued where status = 'PENDING'),
      problem as (
        insert into mail_outbox_problem (id, status, programme_id)
        select id, status, programme_id from queued where status <> 'PENDING')
      select id from queued
      """;

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  /** The one shared file of a mail, if it has one. */
  private static UUID shared(OutgoingMail m) {
    List<UUID> shared =
        m.attachments().stream().map(MailAttachment::sharedId).filter(Objects::nonNull).toList();
    if (shared.size() > 1) {
      throw new IllegalArgumentException("a mail refers to one shared file at most");
    }
    return shared.isEmpty() ? null : shared.get(0);
  }
}
