package org.lectern.programme;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.database.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for the organisations named on a programme (co-organisers, funders, partners). */
@Component
record ProgrammePartnerRepository(JdbcClient jdbc) {

  /** The organisations named on the programme that agreed to it: the only ones that count. */
  List<ProgrammePartner> partners(UUID programmeId) {
    return named(programmeId, true);
  }

  /** Organisations proposed on the programme that have not agreed yet (they give nothing). */
  List<ProgrammePartner> proposals(UUID programmeId) {
    return named(programmeId, false);
  }

  private List<ProgrammePartner> named(UUID programmeId, boolean accepted) {
    return jdbc.sql(
            """
            select organisation_id, role, acknowledgement::text as ack, disclaimer::text as dis, position
            from programme_organisation
            where programme_id = :p and (accepted_at is not null) = :accepted
            order by position, role
            """)
        .param("p", programmeId)
        .param("accepted", accepted)
        .query((rs, i) -> partner(rs))
        .list();
  }

  /** The proposals made to an organisation, oldest programme first. */
  List<PartnerProposal> proposalsTo(UUID organisationId) {
    return namings(organisationId, false);
  }

  /** The programmes that name the organisation with its agreement. */
  List<PartnerProposal> partnershipsOf(UUID organisationId) {
    return namings(organisationId, true);
  }

  private List<PartnerProposal> namings(UUID organisationId, boolean accepted) {
    return jdbc.sql(
            """
            select programme_id, organisation_id, role, acknowledgement::text as ack,
                   disclaimer::text as dis, position
            from programme_organisation
            where organisation_id = :o and (accepted_at is not null) = :accepted
            order by programme_id, role
            """)
        .param("o", organisationId)
        .param("accepted", accepted)
        .query(
            (rs, i) -> new PartnerProposal(rs.getObject("programme_id", UUID.class), partner(rs)))
        .list();
  }

  /** Whether the organisation is named in that role, and whether it agreed: null when not named. */
  Boolean accepted(UUID programmeId, UUID organisationId, PartnerRole role) {
    return jdbc.sql(
            """
            select accepted_at is not null from programme_organisation
            where programme_id = :p and organisation_id = :o and role = :r
            """)
        .param("p", programmeId)
        .param("o", organisationId)
        .param("r", role.name())
        .query(Boolean.class)
        .optional()
        .orElse(null);
  }

  /**
   * The organisation agrees: the proposal becomes a partner placed after those already named. False
   * when there was no such proposal (or it was accepted already).
   */
  boolean accept(UUID programmeId, UUID organisationId, PartnerRole role) {
    return jdbc.sql(
                """
                update programme_organisation set accepted_at = now(),
                  position = (select coalesce(max(position) + 1, 0) from programme_organisation
                              where programme_id = :p and accepted_at is not null)
                where programme_id = :p and organisation_id = :o and role = :r
                  and accepted_at is null
                """)
            .param("p", programmeId)
            .param("o", organisationId)
            .param("r", role.name())
            .update()
        == 1;
  }

  private static ProgrammePartner partner(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ProgrammePartner(
        rs.getObject("organisation_id", UUID.class),
        PartnerRole.valueOf(rs.getString("role")),
        Json.text(rs.getString("ack")),
        Json.text(rs.getString("dis")),
        rs.getInt("position"));
  }

  /**
   * Names the organisation, or changes the texts it is named with. {@code accepted}: it agreed (the
   * programme's own organisation, or the actor administers it); otherwise a new row is a proposal,
   * and a row that was accepted stays accepted only when its texts are unchanged.
   */
  void putPartner(UUID programmeId, ProgrammePartner p, boolean accepted) {
    jdbc.sql(
            """
            insert into programme_organisation
              (programme_id, organisation_id, role, acknowledgement, disclaimer, position, accepted_at)
            values (:p, :o, :r, :a, :d, :pos, case when :accepted then now() end)
            on conflict (programme_id, organisation_id, role) do update
              set acknowledgement = excluded.acknowledgement, disclaimer = excluded.disclaimer,
                  position = excluded.position,
                  -- Agreed (own or administered): stays or becomes accepted. Otherwise an
                  -- accepted row stays accepted only while its texts are what was accepted:
                  -- changed texts await the organisation's agreement again (ADR 0010).
                  accepted_at = case
                    when excluded.accepted_at is not null
                      then coalesce(programme_organisation.accepted_at, excluded.accepted_at)
                    when programme_organisation.acknowledgement
                           is not distinct from excluded.acknowledgement
                         and programme_organisation.disclaimer
                           is not distinct from excluded.disclaimer
                      then programme_organisation.accepted_at
                  end
            """)
        .param("p", programmeId)
        .param("o", p.organisationId())
        .param("r", p.role().name())
        .param("a", Json.jsonb(p.acknowledgement()))
        .param("d", Json.jsonb(p.disclaimer()))
        .param("pos", p.position())
        .param("accepted", accepted)
        .update();
  }

  /** Removes the organisation in that role, accepted or proposed; false when it was not named. */
  boolean removePartner(UUID programmeId, UUID organisationId, PartnerRole role) {
    return jdbc.sql(
                "delete from programme_organisation where programme_id = :p and organisation_id = :o and role = :r")
            .param("p", programmeId)
            .param("o", organisationId)
            .param("r", role.name())
            .update()
        > 0;
  }
}
