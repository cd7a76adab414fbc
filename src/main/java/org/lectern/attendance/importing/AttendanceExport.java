package org.lectern.attendance.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.privacy.SqlPersonalDataExport;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A delegate's attendance: per session, the minutes counted and how they were there, the name under
 * which a provider's report listed them, and their door check-ins.
 */
@Component
@Order(2)
class AttendanceExport extends SqlPersonalDataExport {

  AttendanceExport(JdbcClient jdbc, PersonalDataCipher cipher) {
    super("attendance", jdbc, cipher);
  }

  @Override
  protected List<Map<String, Object>> rows(List<UUID> ids) {
    return jdbc.sql(
            """
            select s.id as session_id, s.starts_at, r.registration_id, r.minutes, r.percent,
              r.online, r.room,
              (select p.display_name from attendance_participant p
                where p.session_id = s.id and p.registration_id = r.registration_id limit 1)
                as reported_name,
              (select count(*) from attendance_checkin c
                where c.session_id = s.id and c.registration_id = r.registration_id
                  and c.kind = 'IN') as check_ins
            from attendance_result r join session_facts s on s.id = r.session_id
            where r.registration_id in (:ids) order by s.starts_at
            """)
        .param("ids", ids)
        .query(
            (rs, i) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("registrationId", rs.getObject("registration_id", UUID.class).toString());
              m.put("sessionId", rs.getObject("session_id", UUID.class).toString());
              m.put("sessionStartsAt", rs.getTimestamp("starts_at").toInstant().toString());
              m.put("minutes", rs.getInt("minutes"));
              m.put("percent", rs.getInt("percent"));
              m.put("online", rs.getBoolean("online"));
              m.put("room", rs.getBoolean("room"));
              m.put("checkIns", rs.getInt("check_ins"));
              m.put(
                  "reportedName",
                  cipher.decrypt(rs.getBytes("reported_name"), ImportRepository.NAME));
              return m;
            })
        .list();
  }
}
