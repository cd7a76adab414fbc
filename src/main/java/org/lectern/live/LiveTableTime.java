package org.lectern.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.attendance.TablePresence;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Time at discussion tables for attendance. Participants carry no registration id (ADR 0005), only
 * a keyed digest of it: the digest of each registration asked about is computed and matched, so
 * nothing new links the room to a person. Only closed stretches count.
 */
@Component
record LiveTableTime(JdbcClient jdbc, PersonalDataCipher cipher) implements TablePresence {

  @Override
  public Map<UUID, List<Stretch>> of(UUID sessionId, Collection<UUID> registrationIds) {
    Map<String, UUID> bySubject = new HashMap<>();
    for (UUID reg : registrationIds) {
      bySubject.put(LiveAccess.subject(cipher, sessionId, "registration", reg), reg);
    }
    Map<UUID, List<Stretch>> out = new HashMap<>();
    jdbc.sql(
            """
            select p.subject_key, s.seated_at, s.left_at
            from live_table_seat s
            join live_table_round r on r.id = s.round_id
            join live_participant p on p.id = s.participant_id
            where r.session_id = :s and p.kind = 'DELEGATE' and s.left_at is not null
            """)
        .param("s", sessionId)
        .query(
            rs -> {
              UUID reg = bySubject.get(rs.getString(1));
              if (reg != null) {
                out.computeIfAbsent(reg, k -> new java.util.ArrayList<>())
                    .add(
                        new Stretch(
                            rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
              }
            });
    return out;
  }
}
