package org.lectern.live;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.ProgrammeCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The programme cipher of a live room (ADR 0022): names, questions, chat and events are encrypted
 * under the programme's data key so a purge destroys them in every copy. A session never changes
 * programme, so the session's programme is remembered.
 */
@Component
class LiveKeys {

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final Map<UUID, UUID> programmeOfSession = new ConcurrentHashMap<>();

  LiveKeys(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  ProgrammeCipher of(UUID sessionId) {
    UUID programmeId =
        programmeOfSession.computeIfAbsent(
            sessionId,
            s ->
                jdbc.sql("select programme_id from session_facts where id = :s")
                    .param("s", s)
                    .query(UUID.class)
                    .single());
    return cipher.forProgramme(programmeId);
  }
}
