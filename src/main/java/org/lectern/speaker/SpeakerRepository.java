package org.lectern.speaker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.database.Json;
import org.lectern.shared.i18n.LocalizedText;
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

  /** The speaker records linked to the account. */
  List<Speaker> linkedTo(UUID userId) {
    return jdbc.sql(SELECT + " where user_id = :u order by full_name")
        .param("u", userId)
        .query(this::map)
        .list();
  }

  /** Links the records the account was invited to claim; returns how many. */
  int claim(UUID userId) {
    return jdbc.sql(
            "update speaker set user_id = :u, invited_user_id = null where invited_user_id = :u")
        .param("u", userId)
        .update();
  }

  void invite(UUID speakerId, UUID userId) {
    jdbc.sql("update speaker set invited_user_id = :u where id = :id")
        .param("id", speakerId)
        .param("u", userId)
        .update();
  }

  void link(UUID speakerId, UUID userId) {
    jdbc.sql("update speaker set user_id = :u, invited_user_id = null where id = :id")
        .param("id", speakerId)
        .param("u", userId)
        .update();
  }

  /** Who the record is linked to and who was invited to claim it (either may be null). */
  record Account(UUID userId, UUID invitedUserId) {}

  Account account(UUID speakerId) {
    return jdbc.sql("select user_id, invited_user_id from speaker where id = :id")
        .param("id", speakerId)
        .query((rs, i) -> new Account(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .optional()
        .orElse(new Account(null, null));
  }

  void updateOwnProfile(UUID id, LocalizedText bio, String affiliation) {
    jdbc.sql("update speaker set bio = :bio, affiliation = :aff, updated_at = now() where id = :id")
        .param("id", id)
        .param("bio", Json.jsonb(bio))
        .param("aff", affiliation)
        .update();
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
