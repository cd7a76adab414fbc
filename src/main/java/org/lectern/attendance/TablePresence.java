package org.lectern.attendance;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Time delegates spent at a session's discussion tables (the live room provides it): it counts as
 * time in the session. Only closed stretches; whoever ends one calls {@link
 * ProgrammeAttendance#tablesChanged}.
 */
public interface TablePresence {

  /** One stretch at a table. */
  record Stretch(java.time.Instant from, java.time.Instant to) {}

  /** Per registration (of those given) that sat at a table of the session: when. */
  Map<UUID, List<Stretch>> of(UUID sessionId, Collection<UUID> registrationIds);
}
