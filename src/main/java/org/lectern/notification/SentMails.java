package org.lectern.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mails in the outbox addressed to one person, for their data download (delegate). Bodies of
 * mails that carried a working link (sign-in, confirmation) are never handed out.
 */
@Component
public record SentMails(JdbcClient jdbc, PersonalDataCipher cipher, SharedBodies bodies) {

  private static final int MAX = 5000;

  /** One mail as its recipient may see it; {@code body} is null for a mail with a credential. */
  public record SentMail(
      String kind, String status, Instant createdAt, Instant sentAt, String subject, String body) {}

  /**
   * The mails to this address about nothing in particular or about one of these objects
   * (registrations, programmes, sessions), oldest first, at most 5000.
   */
  public List<SentMail> to(String email, Collection<UUID> relatedIds) {
    String me = email.strip().toLowerCase(Locale.ROOT);
    List<UUID> ids = relatedIds.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(relatedIds);
    return jdbc
        .sql(
            """
            select kind, status, created_at, sent_at, recipient, subject, body_text, greeting,
              (select b.body from mail_shared_body b where b.id = o.shared_body_id) as shared_body
            from mail_outbox o
            where related_id is null or related_id in (:ids)
            order by created_at limit :max
            """)
        .param("ids", ids)
        .param("max", MAX)
        .query(
            (rs, i) -> {
              String to = cipher.decrypt(rs.getBytes("recipient"), OutboxRepository.TO);
              if (to == null || !to.strip().toLowerCase(Locale.ROOT).equals(me)) {
                return null;
              }
              String kind = rs.getString("kind");
              boolean credential = MailKind.of(kind).map(MailKind::credential).orElse(true);
              Timestamp sent = rs.getTimestamp("sent_at");
              // Words shared with other mails (issue 16, tenth pass): the subject and the text are
              // made from them and this mail's greeting, as when it was sent.
              MailBody body = bodies.open(rs.getBytes("shared_body"));
              if (body != null) {
                String greeting =
                    credential
                        ? null
                        : cipher.decrypt(rs.getBytes("greeting"), OutboxRepository.GREETING);
                return new SentMail(
                    kind,
                    rs.getString("status"),
                    rs.getTimestamp("created_at").toInstant(),
                    sent == null ? null : sent.toInstant(),
                    body.subject(),
                    credential ? null : body.text(greeting));
              }
              return new SentMail(
                  kind,
                  rs.getString("status"),
                  rs.getTimestamp("created_at").toInstant(),
                  sent == null ? null : sent.toInstant(),
                  cipher.decrypt(rs.getBytes("subject"), OutboxRepository.SUBJECT),
                  credential
                      ? null
                      : cipher.decrypt(rs.getBytes("body_text"), OutboxRepository.TEXT));
            })
        .list()
        .stream()
        .filter(Objects::nonNull)
        .toList();
  }
}
