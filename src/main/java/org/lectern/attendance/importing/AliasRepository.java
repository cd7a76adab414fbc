package org.lectern.attendance.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organiser's remembered answers, per programme: this name or e-mail is that registration, or
 * is not a delegate. Stored under a blind index so no name is kept in clear.
 */
@Component
record AliasRepository(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {

  String index(String aliasKey) {
    return cipher.blindIndex(aliasKey, "attendance.alias");
  }

  /** All decisions of the programme keyed by blind index; empty Optional = not a delegate. */
  Map<String, Optional<UUID>> ofProgramme(UUID programmeId) {
    Map<String, Optional<UUID>> m = new HashMap<>();
    jdbc.sql("select alias_index, registration_id from attendance_alias where programme_id = :p")
        .param("p", programmeId)
        .query(
            rs -> {
              m.put(rs.getString(1), Optional.ofNullable(rs.getObject(2, UUID.class)));
            });
    return m;
  }

  void remember(UUID programmeId, String aliasKey, Optional<UUID> registrationId, UUID actor) {
    jdbc.sql(
            """
            insert into attendance_alias (programme_id, alias_index, registration_id, decided_by,
              decided_at)
            values (:p, :a, :r, :u, :at)
            on conflict (programme_id, alias_index) do update set
              registration_id = excluded.registration_id, decided_by = excluded.decided_by,
              decided_at = excluded.decided_at
            """)
        .param("p", programmeId)
        .param("a", index(aliasKey))
        .param("r", registrationId.orElse(null))
        .param("u", actor)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }
}
