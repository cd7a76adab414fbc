package org.lectern.attendance.importing;

import java.util.List;
import java.util.UUID;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.report.ParticipantRole;

/** A person recorded for a session, decrypted, with their merged online presence. */
public record StoredPerson(
    UUID id,
    String key,
    UUID registrationId,
    String name,
    String email,
    ParticipantRole role,
    Integer reportedMinutes,
    List<Interval> online) {

  public StoredPerson {
    online = List.copyOf(online);
  }
}
