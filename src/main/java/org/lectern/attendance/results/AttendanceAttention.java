package org.lectern.attendance.results;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeAttention;
import org.springframework.stereotype.Component;

/**
 * For the programme's overview: published sessions that are over and have no attendance yet —
 * neither an imported report nor a check-in at the door. The link opens the oldest one's import.
 */
@Component
record AttendanceAttention(PresenceRepository presence) implements ProgrammeAttention {

  @Override
  public List<Item> attention(LecternUser viewer, Programme p, Instant now) {
    List<UUID> missing = presence.overWithoutAttendance(p.id(), now);
    String href = missing.isEmpty() ? null : "/admin/sessions/" + missing.get(0) + "/attendance";
    return List.of(new Item(40, "attendance.attention.noAttendance", missing.size(), href));
  }
}
