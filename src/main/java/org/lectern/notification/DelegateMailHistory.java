package org.lectern.notification;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mails in the outbox addressed to a delegate: about their registrations, about the programmes
 * and sessions they registered for, and their sign-in links. Bodies of mails that carried a working
 * link (sign-in, confirmation) are left out of the download.
 */
@Component
public class DelegateMailHistory {

  private static final int MAX = 5000;

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  DelegateMailHistory(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  public List<Map<String, Object>> of(String email, Collection<UUID> registrationIds) {
    String me = email.strip().toLowerCase(Locale.ROOT);
    List<UUID> ids =
        registrationIds.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(registrationIds);
    return jdbc
        .sql(
            """
            select kind, status, created_at, sent_at, recipient, subject, body_text from mail_outbox
            where related_id is null or related_id in (:ids)
               or related_id in (select programme_id from registration_facts where id in (:ids))
               or related_id in (select s.id from session_facts s join registration_facts r
                                 on r.programme_id = s.programme_id where r.id in (:ids))
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
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("kind", kind);
              m.put("status", rs.getString("status"));
              m.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
              m.put("sentAt", sent == null ? null : sent.toInstant().toString());
              m.put("subject", cipher.decrypt(rs.getBytes("subject"), OutboxRepository.SUBJECT));
              m.put(
                  "body",
                  credential
                      ? null
                      : cipher.decrypt(rs.getBytes("body_text"), OutboxRepository.TEXT));
              return m;
            })
        .list()
        .stream()
        .filter(Objects::nonNull)
        .toList();
  }
}
