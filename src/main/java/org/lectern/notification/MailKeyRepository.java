package org.lectern.notification;

import java.util.Objects;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which key seals a mail's parts in the outbox: its programme's key when it is about one, so that
 * shredding the programme's key makes its mails unreadable too (ADR 0022); otherwise the
 * installation's key. A mail that names only a related object (a registration, a session, a
 * request) finds its programme through the owners' views.
 */
@Component
record MailKeyRepository(JdbcClient jdbc, PersonalDataCipher cipher) {

  /** Encrypts one part of a mail under the chosen key. */
  interface Sealer {
    byte[] encrypt(String plain, String context);
  }

  Sealer sealerFor(OutgoingMail m) {
    UUID programmeId = m.programmeId() != null ? m.programmeId() : programmeOf(m.relatedId());
    return programmeId == null ? cipher::encrypt : cipher.forProgramme(programmeId)::encrypt;
  }

  private UUID programmeOf(UUID relatedId) {
    if (relatedId == null) {
      return null;
    }
    return jdbc
        .sql(
            """
            select coalesce(
              (select id from programme_facts where id = :r),
              (select programme_id from registration_facts where id = :r),
              (select programme_id from session_facts where id = :r),
              (select programme_id from registration_request_facts where id = :r))
            """)
        .param("r", relatedId)
        .query(UUID.class)
        .list()
        .stream()
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
