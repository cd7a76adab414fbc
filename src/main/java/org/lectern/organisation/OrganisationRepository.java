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
      "select id, slug, name::text as name, website, main_centres from organisation";

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

  void insert(Organisation o) {
    jdbc.sql(
            """
            insert into organisation (id, slug, name, website, main_centres)
            values (:id, :slug, :name, :website, :centres)
            """)
        .param("id", o.id())
        .param("slug", o.slug())
        .param("name", Json.jsonb(o.name()))
        .param("website", o.website())
        .param("centres", o.mainCentres().toArray(String[]::new))
        .update();
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
        strings(rs.getArray("main_centres")));
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
