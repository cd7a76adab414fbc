package org.lectern.attendance.results;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.attendance.report.Interval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What imports and check-ins recorded of the delegates' presence, read for the results. */
@Component
record PresenceRepository(JdbcClient jdbc) {

  /** What a delegate's rows in one session add up to: online intervals and reported minutes. */
  record DelegatePresence(List<Interval> online, Integer reportedMinutes) {}

  /**
   * Per session and registration, the online presence recorded, every row of that registration
   * united. Nothing is decrypted: this feeds stored results, not pages.
   */
  Map<UUID, Map<UUID, DelegatePresence>> delegatePresence(List<UUID> sessionIds) {
    Map<UUID, Map<UUID, List<Interval>>> online = new HashMap<>();
    Map<UUID, Map<UUID, Integer>> reported = new HashMap<>();
    // All the sessions in one statement: the intervals table is read once, not once per session.
    jdbc.sql(
            """
            select p.session_id, p.registration_id, p.reported_minutes, i.starts_at, i.ends_at
            from attendance_participant p
            left join attendance_interval i on i.participant_id = p.id and i.source = 'ONLINE'
            where p.session_id = any(:s) and p.registration_id is not null
            """)
        .param("s", sessionIds.toArray(UUID[]::new))
        .query(
            rs -> {
              UUID session = rs.getObject(1, UUID.class);
              UUID reg = rs.getObject(2, UUID.class);
              var list =
                  online
                      .computeIfAbsent(session, k -> new HashMap<>())
                      .computeIfAbsent(reg, k -> new ArrayList<>());
              Integer minutes = (Integer) rs.getObject(3);
              if (minutes != null) {
                reported
                    .computeIfAbsent(session, k -> new HashMap<>())
                    .merge(reg, minutes, Math::max);
              }
              Timestamp from = rs.getTimestamp(4);
              if (from != null) {
                list.add(new Interval(from.toInstant(), rs.getTimestamp(5).toInstant()));
              }
            });
    Map<UUID, Map<UUID, DelegatePresence>> out = new HashMap<>();
    for (UUID session : sessionIds) {
      Map<UUID, DelegatePresence> people = new HashMap<>();
      Map<UUID, Integer> minutes = reported.getOrDefault(session, Map.of());
      online
          .getOrDefault(session, Map.of())
          .forEach((reg, list) -> people.put(reg, new DelegatePresence(list, minutes.get(reg))));
      out.put(session, people);
    }
    return out;
  }

  /**
   * Published sessions of the programme that are over and have no attendance yet — neither an
   * imported report nor a check-in at the door — the oldest first.
   */
  List<UUID> overWithoutAttendance(UUID programmeId, Instant now) {
    return jdbc.sql(
            """
            select s.id from session_facts s
            where s.programme_id = :p and s.status = 'PUBLISHED' and s.ends_at < :now
              and not exists (select 1 from attendance_import i where i.session_id = s.id)
              and not exists (select 1 from attendance_checkin c where c.session_id = s.id)
            order by s.starts_at
            """)
        .param("p", programmeId)
        .param("now", Timestamp.from(now))
        .query(UUID.class)
        .list();
  }
}
