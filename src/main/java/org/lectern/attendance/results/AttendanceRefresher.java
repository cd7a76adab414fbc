package org.lectern.attendance.results;

import java.util.UUID;
import org.lectern.attendance.AttendanceChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes stored results in the background once a change has committed, so that the next
 * dashboard or completion list usually finds them current instead of computing them itself (ADR
 * 0008). Readers still refresh when they get there first; the advisory lock makes that one
 * computation.
 */
@Component
class AttendanceRefresher {

  private final ResultService results;
  private final JdbcClient jdbc;

  AttendanceRefresher(ResultService results, JdbcClient jdbc) {
    this.results = results;
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(AttendanceChanged event) {
    jdbc.sql("select programme_id from session where id = :s")
        .param("s", event.sessionId())
        .query(UUID.class)
        .optional()
        .ifPresent(results::refresh);
  }
}
