package org.lectern.attendance.importing;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.privacy.PersonalDataRemoval;
import org.lectern.shared.privacy.RemovalReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Attendance keeps who-was-there as figures (participants, intervals, check-ins and the stored
 * results reports read, all keyed by registration id or an opaque key); names and e-mails from
 * provider reports, uploaded files, the organiser's name matches and door codes go.
 */
@Component
record AttendanceRemoval(JdbcClient jdbc, PersonalDataCipher cipher)
    implements PersonalDataRemoval {

  @Override
  public void anonymiseProgramme(UUID programmeId, RemovalReason reason) {
    jdbc.sql(
            """
            update attendance_participant set display_name = :n, email = null,
              person_key = case when person_key like 'r:%' then person_key
                                else 'removed:' || id::text end
            where session_id in (select id from session_facts where programme_id = :p)
            """)
        .param("n", cipher.encrypt("", ImportRepository.NAME))
        .param("p", programmeId)
        .update();
    jdbc.sql(
            "delete from attendance_upload where session_id in"
                + " (select id from session_facts where programme_id = :p)")
        .param("p", programmeId)
        .update();
    jdbc.sql("delete from attendance_alias where programme_id = :p")
        .param("p", programmeId)
        .update();
    jdbc.sql("delete from attendance_checkin_code where programme_id = :p")
        .param("p", programmeId)
        .update();
  }

  @Override
  public void eraseRegistrations(List<UUID> ids, RemovalReason reason) {
    jdbc.sql(
            """
            update attendance_participant set display_name = :n, email = null
            where registration_id in (:ids)
            """)
        .param("n", cipher.encrypt("", ImportRepository.NAME))
        .param("ids", ids)
        .update();
    jdbc.sql("delete from attendance_alias where registration_id in (:ids)")
        .param("ids", ids)
        .update();
    jdbc.sql("delete from attendance_checkin_code where registration_id in (:ids)")
        .param("ids", ids)
        .update();
  }
}
