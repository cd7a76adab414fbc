package org.lectern.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for people who sign in and their organisation memberships. */
@Repository
class UserRepository {

  private static final String COLUMNS = AccountSeal.COLUMNS;

  private final JdbcClient jdbc;
  private final AccountSeal seal;

  UserRepository(JdbcClient jdbc, AccountSeal seal) {
    this.jdbc = jdbc;
    this.seal = seal;
  }

  /** The account of this address, stripped and in any case (by its blind index). */
  Optional<LecternUser> findByEmail(String email) {
    return jdbc.sql("select " + COLUMNS + " from app_user where email_index = :i")
        .param("i", seal.emailIndex(email))
        .query((rs, n) -> seal.user(rs))
        .optional();
  }

  Optional<LecternUser> findById(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from app_user where id = :id")
        .param("id", id)
        .query((rs, n) -> seal.user(rs))
        .optional();
  }

  List<LecternUser> findByIds(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from app_user where id in (:ids)")
        .param("ids", ids)
        .query((rs, n) -> seal.user(rs))
        .list();
  }

  /**
   * The account with this id or address (whichever is not null) as an organisation's managers may
   * name it: a member of the organisation, or an account of no organisation that is no platform
   * administrator. An account that belongs only to other organisations is left out, as no account.
   */
  Optional<LecternUser> findReachable(UUID id, String email, UUID organisationId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from app_user where (id = :id or email_index = :i)"
                + " and (exists(select 1 from organisation_member m where m.user_id = app_user.id"
                + " and m.organisation_id = :o) or (not platform_admin and not organisation_invitee"
                + " and not exists(select 1"
                + " from organisation_member m where m.user_id = app_user.id)))")
        .param("id", id)
        .param("i", email == null ? null : seal.emailIndex(email), java.sql.Types.VARCHAR)
        .param("o", organisationId)
        .query((rs, n) -> seal.user(rs))
        .optional();
  }

  boolean organisationHasMembers(UUID organisationId) {
    return jdbc.sql("select exists(select 1 from organisation_member where organisation_id = :o)")
        .param("o", organisationId)
        .query(Boolean.class)
        .single();
  }

  boolean anyPlatformAdmin() {
    return jdbc.sql("select exists(select 1 from app_user where platform_admin)")
        .query(Boolean.class)
        .single();
  }

  void insert(UUID id, String email, String fullName, String hash, boolean admin) {
    jdbc.sql(
            """
            insert into app_user (id, email, email_index, full_name, password_hash, platform_admin)
            values (:id, :email, :index, :name, :hash, :admin)
            """)
        .param("id", id)
        .param("email", seal.sealEmail(email))
        .param("index", seal.emailIndex(email))
        .param("name", seal.sealName(fullName.strip()))
        .param("hash", hash)
        .param("admin", admin)
        .update();
  }

  /** The account was made for an invitation to an organisation (see {@code UserService}). */
  void markOrganisationInvitee(UUID id) {
    jdbc.sql("update app_user set organisation_invitee = true where id = :id")
        .param("id", id)
        .update();
  }

  List<Membership> memberships(UUID userId) {
    return jdbc.sql("select organisation_id, role from organisation_member where user_id = :u")
        .param("u", userId)
        .query(Membership.class)
        .list();
  }
}
