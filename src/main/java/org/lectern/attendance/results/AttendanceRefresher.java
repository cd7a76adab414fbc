package org.lectern.attendance.results;

import org.lectern.attendance.AttendanceChanged;
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

  AttendanceRefresher(ResultService results) {
    this.results = results;
  }

  @ApplicationModuleListener
  void on(AttendanceChanged event) {
    results.refreshOfSession(event.sessionId());
  }
}
