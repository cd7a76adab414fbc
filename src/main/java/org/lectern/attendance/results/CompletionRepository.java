package org.lectern.attendance.results;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.attendance.Completion;
import org.lectern.attendance.ProgrammeAttendance.SessionFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored results as the programme's attendance reads them (ADR 0008). */
@Component
public record CompletionRepository(JdbcClient jdbc) {

  /** A session a delegate attended for at least the rule's percent. */
  public record Reached(UUID registrationId, UUID sessionId) {}

  public List<Reached> reached(UUID programmeId, int minPercent) {
    return jdbc.sql(
            """
            select registration_id, session_id from attendance_result
            where programme_id = :p and percent >= :min
            """)
        .param("p", programmeId)
        .param("min", minPercent)
        .query((rs, i) -> new Reached(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .list();
  }

  /** The stored completion of every registration with results, by registration. */
  public Map<UUID, Completion> completions(UUID programmeId) {
    Map<UUID, Completion> stored = new HashMap<>();
    jdbc.sql(
            """
            select registration_id, sessions_counted, sessions_required, minutes, completed
            from attendance_completion_result where programme_id = :p
            """)
        .param("p", programmeId)
        .query(
            rs -> {
              UUID reg = rs.getObject(1, UUID.class);
              boolean done = rs.getBoolean(5);
              stored.put(
                  reg,
                  new Completion(
                      reg,
                      rs.getInt(2),
                      rs.getInt(3),
                      rs.getLong(4),
                      done,
                      done ? "attendance.completion.met" : "attendance.completion.short"));
            });
    return stored;
  }

  /** Whether any attendance was ever recorded for a session of the programme. */
  public boolean anyRecorded(UUID programmeId) {
    return jdbc.sql(
            """
            select exists(select 1 from attendance_session_state v
              join session_facts s on s.id = v.session_id
              where s.programme_id = :p and v.version > 0)
            """)
        .param("p", programmeId)
        .query(Boolean.class)
        .single();
  }

  public List<SessionFigures> sessionFigures(UUID programmeId) {
    return jdbc.sql(
            """
            select s.id, coalesce(v.delegates, 0), coalesce(v.online, 0), coalesce(v.room, 0),
              coalesce(v.tables, 0)
            from session_facts s left join attendance_session_state v on v.session_id = s.id
            where s.programme_id = :p and s.status = 'PUBLISHED' order by s.starts_at, s.id
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new SessionFigures(
                    rs.getObject(1, UUID.class),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    0))
        .list();
  }
}
