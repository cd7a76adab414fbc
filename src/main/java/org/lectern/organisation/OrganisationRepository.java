package org.lectern.organisation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.database.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for organisations. */
@Repository
class OrganisationRepository {

  private static final String SELECT =
      "select id, slug, name::text as name, website, main_centres, short_name, certificate_signer,"
          + " mail_sender_name, logo_type from organisation";

  private final JdbcClient jdbc;

  OrganisationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Organisation> find(UUID id) {
    return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
  }

  Optional<Organisation> findBySlug(String slug) {
    return jdbc.sql(SELECT + " where slug = :s").param("s", slug).query(this::map).optional();
  }

  List<Organisation> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " where id in (:ids) order by slug")
        .param("ids", ids)
        .query(this::map)
        .list();
  }

  List<Organisation> all() {
    return jdbc.sql(SELECT + " order by slug").query(this::map).list();
  }

  /** Inserts; false when the slug is taken (also by a concurrent insert). */
  boolean insert(Organisation o) {
    return jdbc.sql(
                """
                insert into organisation (id, slug, name, website, main_centres, short_name,
                  certificate_signer, mail_sender_name)
                values (:id, :slug, :name, :website, :centres, :short, :signer, :sender)
                on conflict (slug) do nothing
                """)
            .param("id", o.id())
            .param("slug", o.slug())
            .param("name", Json.jsonb(o.name()))
            .param("website", o.website())
            .param("centres", o.mainCentres().toArray(String[]::new))
            .param("short", o.shortName())
            .param("signer", o.certificateSigner())
            .param("sender", o.mailSenderName())
            .update()
        == 1;
  }

  void updateSettings(UUID id, OrganisationSettings s) {
    jdbc.sql(
            """
            update organisation set name = :name, short_name = :short, website = :website,
              main_centres = :centres, certificate_signer = :signer, mail_sender_name = :sender,
              updated_at = now()
            where id = :id
            """)
        .param("id", id)
        .param("name", Json.jsonb(s.name()))
        .param("short", s.shortName())
        .param("website", s.website())
        .param("centres", s.mainCentres().toArray(String[]::new))
        .param("signer", s.certificateSigner())
        .param("sender", s.mailSenderName())
        .update();
  }

  void setLogo(UUID id, OrganisationLogo logo) {
    jdbc.sql("update organisation set logo = :l, logo_type = :t, updated_at = now() where id = :id")
        .param("id", id)
        .param("l", logo == null ? null : logo.bytes())
        .param("t", logo == null ? null : logo.contentType())
        .update();
  }

  Optional<OrganisationLogo> logo(String slug) {
    return jdbc.sql("select logo, logo_type from organisation where slug = :s and logo is not null")
        .param("s", slug)
        .query((rs, i) -> new OrganisationLogo(rs.getBytes(1), rs.getString(2)))
        .optional();
  }

  /** Locks the organisation's row: changes to its members are made one at a time. */
  boolean lock(UUID id) {
    return jdbc.sql("select id from organisation where id = :id for update")
        .param("id", id)
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  boolean any() {
    return jdbc.sql("select exists(select 1 from organisation)").query(Boolean.class).single();
  }

  int count() {
    return jdbc.sql("select count(*) from organisation").query(Integer.class).single();
  }

  List<Organisation> page(int limit, int offset) {
    return jdbc.sql(SELECT + " order by slug limit :l offset :o")
        .param("l", limit)
        .param("o", offset)
        .query(this::map)
        .list();
  }

  void updateMainCentres(UUID id, List<String> centres) {
    jdbc.sql("update organisation set main_centres = :c where id = :id")
        .param("id", id)
        .param("c", centres.toArray(String[]::new))
        .update();
  }

  private Organisation map(ResultSet rs, int row) throws SQLException {
    return new Organisation(
        rs.getObject("id", UUID.class),
        rs.getString("slug"),
        Json.text(rs.getString("name")),
        rs.getString("website"),
        strings(rs.getArray("main_centres")),
        rs.getString("short_name"),
        rs.getString("certificate_signer"),
        rs.getString("mail_sender_name"),
        rs.getString("logo_type"));
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
