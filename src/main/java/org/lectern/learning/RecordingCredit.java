package org.lectern.learning;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.attendance.CompletionCredit;
import org.springframework.stereotype.Component;

/**
 * Credit for catching up: a session counts as attended for a confirmed delegate who passed the quiz
 * attached to its recording (time on the page is not proof). Plugs into the completion rule, and
 * through it into certificates and reports.
 */
@Component
record RecordingCredit(RecordingRepository recordings) implements CompletionCredit {

  @Override
  public Map<UUID, Set<UUID>> creditedSessions(UUID programmeId) {
    return recordings.credited(programmeId);
  }
}
