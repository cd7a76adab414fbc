package org.lectern.programme;

import java.util.List;
import java.util.UUID;
import org.lectern.identity.ProgrammeRoles.Held;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for the programme roles a person holds across programmes. */
@Component
record ProgrammeRoleRepository(JdbcClient jdbc) {

  List<Held> heldBy(UUID userId) {
    return jdbc.sql(
            """
            select pr.organisation_id, pm.role from programme_member pm
            join programme pr on pr.id = pm.programme_id
            where pm.user_id = :u
            """)
        .param("u", userId)
        .query((rs, i) -> new Held(rs.getObject(1, UUID.class), rs.getString(2)))
        .list();
  }
}
