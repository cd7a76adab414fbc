package org.lectern.attendance;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Another way to earn a session: watching its recording, passing its quiz. Implementations (from
 * the learning module) are picked up as beans; a credited session counts as attended whatever the
 * minutes.
 */
public interface CompletionCredit {

  /** Per registration of the programme, the sessions this source credits. */
  Map<UUID, Set<UUID>> creditedSessions(UUID programmeId);
}
