package org.lectern.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for who belongs to an organisation, with their role and last sign-in. */
@Repository
class MembershipRepository {

  private final JdbcClient jdbc;
  private final AccountSeal seal;

  MembershipRepository(JdbcClient jdbc, AccountSeal seal) {
    this.jdbc = jdbc;
    this.seal = seal;
  }

  /** The organisation's members by name (sealed, so ordered here: {@link ByName}). */
  List<OrganisationMemberships.Member> members(UUID organisationId) {
    return jdbc
        .sql(
            """
            select m.user_id, u.email, u.full_name, m.role, m.added_at, u.last_sign_in_at
            from organisation_member m join app_user u on u.id = m.user_id
            where m.organisation_id = :o
            """)
        .param("o", organisationId)
        .query(this::map)
        .list()
        .stream()
        .sorted(
            ByName.of(
                OrganisationMemberships.Member::fullName, OrganisationMemberships.Member::userId))
        .toList();
  }

  Optional<String> roleOf(UUID organisationId, UUID userId) {
    return jdbc.sql(
            "select role from organisation_member where organisation_id = :o and user_id = :u")
        .param("o", organisationId)
        .param("u", userId)
        .query(String.class)
        .optional();
  }

  List<UUID> organisationsOf(UUID userId) {
    return jdbc.sql("select organisation_id from organisation_member where user_id = :u")
        .param("u", userId)
        .query(UUID.class)
        .list();
  }

  void put(UUID organisationId, UUID userId, String role) {
    jdbc.sql(
            """
            insert into organisation_member (organisation_id, user_id, role) values (:o, :u, :r)
            on conflict (organisation_id, user_id) do update set role = excluded.role
            """)
        .param("o", organisationId)
        .param("u", userId)
        .param("r", role)
        .update();
  }

  boolean remove(UUID organisationId, UUID userId) {
    return jdbc.sql("delete from organisation_member where organisation_id = :o and user_id = :u")
            .param("o", organisationId)
            .param("u", userId)
            .update()
        == 1;
  }

  int admins(UUID organisationId) {
    return jdbc.sql(
            "select count(*) from organisation_member where organisation_id = :o and role = 'ADMIN'")
        .param("o", organisationId)
        .query(Integer.class)
        .single();
  }

  private OrganisationMemberships.Member map(ResultSet rs, int row) throws SQLException {
    Timestamp last = rs.getTimestamp("last_sign_in_at");
    return new OrganisationMemberships.Member(
        rs.getObject("user_id", UUID.class),
        seal.openEmail(rs.getBytes("email")),
        seal.openName(rs.getBytes("full_name")),
        rs.getString("role"),
        rs.getTimestamp("added_at").toInstant(),
        last == null ? null : last.toInstant());
  }
}
