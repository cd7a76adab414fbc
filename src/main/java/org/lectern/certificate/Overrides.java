package org.lectern.certificate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Organisers' decisions that someone earned a certificate despite the completion rule. */
@Component
record Overrides(JdbcClient jdbc) {

  void put(UUID programmeId, UUID registrationId, String reason, UUID by, Instant at) {
    jdbc.sql(
            """
            insert into certificate_override (registration_id, programme_id, reason, decided_by,
              decided_at) values (:r, :p, :reason, :by, :at)
            on conflict (registration_id) do update set reason = excluded.reason,
              decided_by = excluded.decided_by, decided_at = excluded.decided_at
            """)
        .param("r", registrationId)
        .param("p", programmeId)
        .param("reason", reason)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
  }

  boolean remove(UUID programmeId, UUID registrationId) {
    return jdbc.sql(
                "delete from certificate_override where registration_id = :r and programme_id = :p")
            .param("r", registrationId)
            .param("p", programmeId)
            .update()
        > 0;
  }

  /** Registration id → the organiser's reason. */
  Map<UUID, String> ofProgramme(UUID programmeId) {
    return jdbc
        .sql("select registration_id, reason from certificate_override where programme_id = :p")
        .param("p", programmeId)
        .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
