package org.lectern.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files sent with mails (SQL of {@code mail_attachment} and {@code mail_shared_attachment}).
 * Files that many mails send alike — a programme's calendar in one language — stored once,
 * encrypted under the programme's key, and referred to by each mail (issue 16: it was built,
 * encrypted and inserted once per mail). A file is found by its programme, language and the SHA-256
 * of its name, type and content, so a changed programme or session time gives a new file: a mail
 * never refers to a calendar other than the one it was composed with.
 */
@Component
record MailFiles(JdbcClient jdbc, PersonalDataCipher cipher, MailKeyRepository keys, Clock clock) {

  /**
   * The file as stored for the programme and language: the row with the same digest, or a new one.
   */
  MailAttachment store(UUID programmeId, String language, MailAttachment file) {
    String digest = digest(file);
    Optional<UUID> stored = find(programmeId, language, digest);
    if (stored.isPresent()) {
      return file.sharedAs(stored.get());
    }
    List<UUID> inserted =
        jdbc.sql(
                """
                insert into mail_shared_attachment
                  (id, programme_id, language, digest, filename, content_type, content, created_at)
                values (:id, :p, :lang, :digest, :name, :type, :content, :now)
                on conflict (programme_id, language, digest) do nothing
                returning id
                """)
            .param("id", UUID.randomUUID())
            .param("p", programmeId)
            .param("lang", language)
            .param("digest", digest)
            .param("name", file.filename())
            .param("type", file.contentType())
            .param(
                "content",
                cipher
                    .forProgramme(programmeId)
                    .encrypt(
                        Base64.getEncoder().encodeToString(file.content()),
                        OutboxRepository.ATTACHMENT))
            .param("now", Timestamp.from(clock.instant()))
            .query(UUID.class)
            .list();
    // Another transaction stored the same file meanwhile: its row (committed) is the one.
    UUID id =
        inserted.isEmpty() ? find(programmeId, language, digest).orElseThrow() : inserted.get(0);
    return file.sharedAs(id);
  }

  private Optional<UUID> find(UUID programmeId, String language, String digest) {
    return jdbc.sql(
            """
            select id from mail_shared_attachment
            where programme_id = :p and language = :lang and digest = :digest
            """)
        .param("p", programmeId)
        .param("lang", language)
        .param("digest", digest)
        .query(UUID.class)
        .optional();
  }

  /**
   * Removes the programmes' files that no mail refers to any more. A file a composing transaction
   * is referring to at this moment is locked by its foreign-key check and skipped; one it has only
   * found, not yet referred to, goes, and that transaction's insert fails and is composed again
   * (storing the file anew).
   */
  void removeUnused(Collection<UUID> programmeIds) {
    if (programmeIds.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            delete from mail_shared_attachment where id in (
              select s.id from mail_shared_attachment s
              where s.programme_id in (:p)
                and not exists (select 1 from mail_outbox o where o.shared_attachment_id = s.id)
                and not exists (select 1 from mail_shared_body b where b.shared_attachment_id = s.id)
              for update skip locked)
            """)
        .param("p", programmeIds)
        .update();
  }

  /** The files stored with this one mail (not the shared one). */
  void attachOwn(UUID id, OutgoingMail m) {
    MailKeyRepository.Sealer sealer = keys.sealerFor(m);
    int position = 0;
    for (MailAttachment a : m.attachments()) {
      if (a.sharedId() != null) {
        continue;
      }
      jdbc.sql(
              """
              insert into mail_attachment (mail_id, position, filename, content_type, content)
              values (:id, :pos, :name, :type, :content)
              """)
          .param("id", id)
          .param("pos", position++)
          .param("name", a.filename())
          .param("type", a.contentType())
          .param(
              "content",
              sealer.encrypt(
                  Base64.getEncoder().encodeToString(a.content()), OutboxRepository.ATTACHMENT))
          .update();
    }
  }

  /**
   * The attachments of several messages in one statement, not one per message (issue 16): their own
   * files in order, then the shared one. A shared file is read and decrypted once per batch: its
   * content comes in one row, and each mail that refers to it in a row that names it only (issue
   * 16, ninth pass: the content came once per mail). A mail that shares its words ({@link
   * SharedBodies}) sends the file its body names.
   */
  Map<UUID, List<MailAttachment>> of(Collection<UUID> mailIds) {
    Map<UUID, List<MailAttachment>> attached = new HashMap<>();
    Map<UUID, MailAttachment> shared = new HashMap<>();
    jdbc.sql(
            """
            with mail as materialized (
              select o.id, coalesce(o.shared_attachment_id, b.shared_attachment_id) as shared_id
                from mail_outbox o left join mail_shared_body b on b.id = o.shared_body_id
               where o.id = any(cast(:ids as uuid[])))
            select null::uuid as mail_id, -1 as position, s.id as shared_id,
                   s.filename, s.content_type, s.content
              from mail_shared_attachment s
             where s.id in (select shared_id from mail)
            union all
            select mail_id, position, null::uuid, filename, content_type, content
              from mail_attachment where mail_id = any(cast(:ids as uuid[]))
            union all
            select id, 2147483647, shared_id, null, null, null from mail where shared_id is not null
            order by 1 nulls first, 2
            """)
        .param("ids", mailIds.toArray(UUID[]::new))
        .query(
            (rs, i) -> {
              UUID mailId = rs.getObject("mail_id", UUID.class);
              UUID sharedId = rs.getObject("shared_id", UUID.class);
              if (mailId == null) {
                shared.put(sharedId, attachment(rs).sharedAs(sharedId));
                return false;
              }
              MailAttachment file = sharedId == null ? attachment(rs) : shared.get(sharedId);
              return attached.computeIfAbsent(mailId, k -> new ArrayList<>()).add(file);
            })
        .list();
    return attached;
  }

  private MailAttachment attachment(ResultSet rs) throws SQLException {
    return new MailAttachment(
        rs.getString("filename"),
        rs.getString("content_type"),
        Base64.getDecoder()
            .decode(cipher.decrypt(rs.getBytes("content"), OutboxRepository.ATTACHMENT)));
  }

  /**
   * What the digest covers: the content, except a calendar's DTSTAMP lines — ical4j stamps every
   * event with the moment the file is written, which would make each composed file differ. The
   * stored file keeps its stamps (the moment it was made); LAST-MODIFIED and SEQUENCE, which follow
   * the session, are covered.
   */
  private static byte[] stableContent(MailAttachment file) {
    if (!file.contentType().startsWith("text/calendar")) {
      return file.content();
    }
    return new String(file.content(), StandardCharsets.UTF_8)
        .replaceAll("(?m)^DTSTAMP[:;][^\\r\\n]*\\r?\\n", "")
        .getBytes(StandardCharsets.UTF_8);
  }

  static String digest(MailAttachment file) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(file.filename().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(file.contentType().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(stableContent(file));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
