package org.lectern.programme;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.database.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for the organisations named on a programme (co-organisers, funders, partners). */
@Component
record ProgrammePartnerRepository(JdbcClient jdbc) {

  List<ProgrammePartner> partners(UUID programmeId) {
    return jdbc.sql(
            """
            select organisation_id, role, acknowledgement::text as ack, disclaimer::text as dis, position
            from programme_organisation where programme_id = :p order by position, role
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new ProgrammePartner(
                    rs.getObject("organisation_id", UUID.class),
                    PartnerRole.valueOf(rs.getString("role")),
                    Json.text(rs.getString("ack")),
                    Json.text(rs.getString("dis")),
                    rs.getInt("position")))
        .list();
  }

  void putPartner(UUID programmeId, ProgrammePartner p) {
    jdbc.sql(
            """
            insert into programme_organisation
              (programme_id, organisation_id, role, acknowledgement, disclaimer, position)
            values (:p, :o, :r, :a, :d, :pos)
            on conflict (programme_id, organisation_id, role) do update
              set acknowledgement = excluded.acknowledgement, disclaimer = excluded.disclaimer,
                  position = excluded.position
            """)
        .param("p", programmeId)
        .param("o", p.organisationId())
        .param("r", p.role().name())
        .param("a", Json.jsonb(p.acknowledgement()))
        .param("d", Json.jsonb(p.disclaimer()))
        .param("pos", p.position())
        .update();
  }

  void removePartner(UUID programmeId, UUID organisationId, PartnerRole role) {
    jdbc.sql(
            "delete from programme_organisation where programme_id = :p and organisation_id = :o and role = :r")
        .param("p", programmeId)
        .param("o", organisationId)
        .param("r", role.name())
        .update();
  }
}
