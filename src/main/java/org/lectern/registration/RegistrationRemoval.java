package org.lectern.registration;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.privacy.PersonalDataRemoval;
import org.lectern.shared.privacy.RemovalReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registrations keep their status and the attributes reports count (region, profession, gender,
 * years, language, consent version, room seats); name, e-mail, phone, town, licence number,
 * accessibility needs, the decision message and free-text answers go. The e-mail index becomes a
 * value no address has, so the person can register again and is not found by their address.
 * Invitations lose name and address; pending submissions are deleted.
 */
@Component
record RegistrationRemoval(JdbcClient jdbc, PersonalDataCipher cipher)
    implements PersonalDataRemoval {

  @Override
  public void anonymiseProgramme(UUID programmeId, RemovalReason reason) {
    List<UUID> ids =
        jdbc.sql("select id from registration where programme_id = :p")
            .param("p", programmeId)
            .query(UUID.class)
            .list();
    if (!ids.isEmpty()) {
      eraseRegistrations(ids, reason);
    }
    jdbc.sql(
            """
            update registration_invitation set email = :e, full_name = null,
              email_index = 'removed:' || id::text
            where programme_id = :p
            """)
        .param("e", cipher.encrypt("", "invitation.email"))
        .param("p", programmeId)
        .update();
    jdbc.sql("delete from registration_request where programme_id = :p")
        .param("p", programmeId)
        .update();
  }

  @Override
  public void eraseRegistrations(List<UUID> ids, RemovalReason reason) {
    jdbc.sql(
            """
            update registration set email = :e, full_name = :n, phone = null, town = null,
              licence_number = null, accessibility = null, decision_message = null,
              email_index = 'removed:' || id::text
            where id in (:ids)
            """)
        .param("e", cipher.encrypt("", "registration.email"))
        .param("n", cipher.encrypt("", "registration.fullName"))
        .param("ids", ids)
        .update();
    jdbc.sql("update registration_answer set text_value = null where registration_id in (:ids)")
        .param("ids", ids)
        .update();
    jdbc.sql(
            """
            update registration_invitation i set email = :e, full_name = null,
              email_index = 'removed:' || i.id::text
            from registration r where r.invitation_id = i.id and r.id in (:ids)
            """)
        .param("e", cipher.encrypt("", "invitation.email"))
        .param("ids", ids)
        .update();
    jdbc.sql("delete from registration_request where registration_id in (:ids)")
        .param("ids", ids)
        .update();
  }
}
