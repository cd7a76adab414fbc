package org.lectern.speaker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.database.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for speakers and their photos. */
@Repository
class SpeakerRepository {

  private static final String SELECT =
      """
      select id, organisation_id, full_name, bio::text as bio, affiliation,
             photo is not null as has_photo, status
      from speaker
      """;

  private final JdbcClient jdbc;

  SpeakerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Speaker> find(UUID id) {
    return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
  }

  List<Speaker> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " where id in (:ids)").param("ids", ids).query(this::map).list();
  }

  List<Speaker> byOrganisations(Collection<UUID> orgs, boolean all) {
    return jdbc.sql(SELECT + " where (:all or organisation_id in (:orgs)) order by full_name")
        .param("all", all)
        .param("orgs", orgs.isEmpty() ? List.of(new UUID(0, 0)) : orgs)
        .query(this::map)
        .list();
  }

  void insert(UUID id, UUID organisationId, SpeakerInput in) {
    jdbc.sql(
            """
            insert into speaker (id, organisation_id, full_name, bio, affiliation, status)
            values (:id, :org, :name, :bio, :aff, :status)
            """)
        .param("id", id)
        .param("org", organisationId)
        .param("name", in.fullName())
        .param("bio", Json.jsonb(in.bio()))
        .param("aff", in.affiliation())
        .param("status", in.published() ? "PUBLISHED" : "DRAFT")
        .update();
  }

  void update(UUID id, SpeakerInput in) {
    jdbc.sql(
            """
            update speaker set full_name = :name, bio = :bio, affiliation = :aff, status = :status,
              updated_at = now() where id = :id
            """)
        .param("id", id)
        .param("name", in.fullName())
        .param("bio", Json.jsonb(in.bio()))
        .param("aff", in.affiliation())
        .param("status", in.published() ? "PUBLISHED" : "DRAFT")
        .update();
  }

  void setPhoto(UUID id, byte[] photo, String type) {
    jdbc.sql("update speaker set photo = :p, photo_type = :t, updated_at = now() where id = :id")
        .param("id", id)
        .param("p", photo)
        .param("t", type)
        .update();
  }

  Optional<SpeakerPhoto> photo(UUID id) {
    return jdbc.sql("select photo, photo_type from speaker where id = :id and photo is not null")
        .param("id", id)
        .query((rs, i) -> new SpeakerPhoto(rs.getBytes(1), rs.getString(2)))
        .optional();
  }

  private Speaker map(ResultSet rs, int row) throws SQLException {
    return new Speaker(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("full_name"),
        Json.text(rs.getString("bio")),
        rs.getString("affiliation"),
        rs.getBoolean("has_photo"),
        "PUBLISHED".equals(rs.getString("status")));
  }
}
