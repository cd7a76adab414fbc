package org.lectern.attendance.results;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeAttention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the programme's overview: published sessions that are over and have no attendance yet —
 * neither an imported report nor a check-in at the door. The link opens the oldest one's import.
 */
@Component
class AttendanceAttention implements ProgrammeAttention {

  private final JdbcClient jdbc;

  AttendanceAttention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Item> attention(LecternUser viewer, Programme p, Instant now) {
    List<UUID> missing =
        jdbc.sql(
                """
                select s.id from session s
                where s.programme_id = :p and s.status = 'PUBLISHED' and s.ends_at < :now
                  and not exists (select 1 from attendance_import i where i.session_id = s.id)
                  and not exists (select 1 from attendance_checkin c where c.session_id = s.id)
                order by s.starts_at
                """)
            .param("p", p.id())
            .param("now", Timestamp.from(now))
            .query(UUID.class)
            .list();
    String href = missing.isEmpty() ? null : "/admin/sessions/" + missing.get(0) + "/attendance";
    return List.of(new Item(40, "attendance.attention.noAttendance", missing.size(), href));
  }
}
