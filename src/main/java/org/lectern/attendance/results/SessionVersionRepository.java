package org.lectern.attendance.results;

import java.util.UUID;
import org.lectern.attendance.AttendanceChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of a session's attendance: raised in the transaction of every change (an import, a
 * check-in), so {@link ResultService} knows the stored results of that session are stale, and
 * {@link AttendanceChanged} is published for the background refresh.
 */
@Component
public record SessionVersionRepository(JdbcClient jdbc, ApplicationEventPublisher events) {

  public void touch(UUID sessionId) {
    jdbc.sql(
            """
            insert into attendance_session_state (session_id, version) values (:s, 1)
            on conflict (session_id) do update set version = attendance_session_state.version + 1
            """)
        .param("s", sessionId)
        .update();
    events.publishEvent(new AttendanceChanged(sessionId));
  }
}
