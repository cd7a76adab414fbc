package org.lectern.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
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
 * The words many mails share (SQL of {@code mail_shared_body}, issue 16, tenth pass): a batch's
 * mails of one kind, programme and language are the same but for the greeting, so their subject and
 * layout ({@link MailBody}) are sealed and stored once, with the calendar file they send, and each
 * mail refers to them. Found by programme, language and the SHA-256 of the words and the file, so a
 * changed wording, title or session gives a new row: a mail always reads the words it was composed
 * with. Nothing personal is stored here (the greeting stays with its mail).
 */
@Component
record SharedBodies(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {

  static final String BODY = "mail.body";

  /** A stored body: its words and the shared file its mails send (null: none). */
  record Stored(MailBody body, UUID sharedAttachmentId) {}

  /** The row with these words and this file for the programme and language, or a new one. */
  UUID store(UUID programmeId, String language, MailBody body, UUID sharedAttachmentId) {
    String encoded = body.encode();
    String digest = digest(encoded, sharedAttachmentId);
    Optional<UUID> stored = find(programmeId, language, digest);
    if (stored.isPresent()) {
      return stored.get();
    }
    List<UUID> inserted =
        jdbc.sql(
                """
                insert into mail_shared_body
                  (id, programme_id, language, digest, body, shared_attachment_id, created_at)
                values (:id, :p, :lang, :digest, :body, :file, :now)
                on conflict (programme_id, language, digest) do nothing
                returning id
                """)
            .param("id", UUID.randomUUID())
            .param("p", programmeId)
            .param("lang", language)
            .param("digest", digest)
            .param("body", cipher.forProgramme(programmeId).encrypt(encoded, BODY))
            .param("file", sharedAttachmentId)
            .param("now", Timestamp.from(clock.instant()))
            .query(UUID.class)
            .list();
    // Another transaction stored the same words meanwhile: its row (committed) is the one.
    return inserted.isEmpty() ? find(programmeId, language, digest).orElseThrow() : inserted.get(0);
  }

  private Optional<UUID> find(UUID programmeId, String language, String digest) {
    return jdbc.sql(
            """
            select id from mail_shared_body
            where programme_id = :p and language = :lang and digest = :digest
            """)
        .param("p", programmeId)
        .param("lang", language)
        .param("digest", digest)
        .query(UUID.class)
        .optional();
  }

  /** The bodies with these ids, each read and decrypted once (one statement). */
  Map<UUID, Stored> read(Collection<UUID> ids) {
    Map<UUID, Stored> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "select id, body, shared_attachment_id from mail_shared_body"
                + " where id = any(cast(:ids as uuid[]))")
        .param("ids", ids.stream().distinct().toArray(UUID[]::new))
        .query(
            (rs, i) ->
                out.put(
                    rs.getObject(1, UUID.class),
                    new Stored(open(rs.getBytes(2)), rs.getObject(3, UUID.class))))
        .list();
    return out;
  }

  /** A sealed body as read from a row (null: the mail has its own words). */
  MailBody open(byte[] sealed) {
    return sealed == null ? null : MailBody.decode(cipher.decrypt(sealed, BODY));
  }

  /**
   * Removes the programmes' bodies that no mail refers to any more (before their files, which a
   * body refers to). A body a composing transaction is referring to at this moment is locked by its
   * foreign-key check and skipped; one it has only found goes, and that transaction's insert fails
   * and is composed again, one mail at a time.
   */
  void removeUnused(Collection<UUID> programmeIds) {
    if (programmeIds.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            delete from mail_shared_body where id in (
              select b.id from mail_shared_body b
              where b.programme_id in (:p)
                and not exists (select 1 from mail_outbox o where o.shared_body_id = b.id)
              for update skip locked)
            """)
        .param("p", programmeIds)
        .update();
  }

  static String digest(String encoded, UUID sharedAttachmentId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(encoded.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(String.valueOf(sharedAttachmentId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
