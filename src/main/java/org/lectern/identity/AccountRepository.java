package org.lectern.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for an account's state: disabled or not, its session counter, its password, its name. */
@Repository
class AccountRepository {

  private final JdbcClient jdbc;
  private final AccountSeal seal;

  AccountRepository(JdbcClient jdbc, AccountSeal seal) {
    this.jdbc = jdbc;
    this.seal = seal;
  }

  /** What a per-request check compares a session against. */
  record State(boolean disabled, int sessionEpoch) {}

  Optional<State> state(UUID userId) {
    return jdbc.sql(
            "select disabled_at is not null as disabled, session_epoch from app_user where id = :u")
        .param("u", userId)
        .query(State.class)
        .optional();
  }

  /** Sets the password and moves the session counter on; returns the new counter. */
  int setPassword(UUID userId, String hash) {
    return jdbc.sql(
            """
            update app_user set password_hash = :h, session_epoch = session_epoch + 1
            where id = :u returning session_epoch
            """)
        .param("h", hash)
        .param("u", userId)
        .query(Integer.class)
        .single();
  }

  /** Sets the name the person is shown by; false when there is no such account. */
  boolean setName(UUID userId, String name) {
    return jdbc.sql("update app_user set full_name = :n where id = :u")
            .param("n", seal.sealName(name))
            .param("u", userId)
            .update()
        == 1;
  }

  /** Disables (ending every session) or re-enables; false when nothing changed. */
  boolean setDisabled(UUID userId, boolean disabled, Instant now) {
    String sql =
        disabled
            ? """
              update app_user set disabled_at = :now, session_epoch = session_epoch + 1
              where id = :u and disabled_at is null
              """
            : "update app_user set disabled_at = null where id = :u and disabled_at is not null";
    return jdbc.sql(sql).param("u", userId).param("now", Timestamp.from(now)).update() == 1;
  }

  String language(UUID userId) {
    return jdbc.sql("select language from app_user where id = :u")
        .param("u", userId)
        .query(String.class)
        .optional()
        .orElse("en");
  }

  /**
   * Every account (platform administrators) or the members of these organisations, the first {@code
   * limit} by name: the names are sealed, so they are ordered here ({@link ByName}).
   */
  List<AccountRow> accounts(List<UUID> organisations, boolean all, int limit) {
    return jdbc
        .sql(
            """
            select u.id, u.email, u.full_name, u.platform_admin, u.disabled_at is not null as disabled
            from app_user u
            where :all or exists (select 1 from organisation_member m
                                  where m.user_id = u.id and m.organisation_id in (:orgs))
            """)
        .param("all", all)
        .param("orgs", organisations.isEmpty() ? List.of(new UUID(0, 0)) : organisations)
        .query(
            (rs, n) ->
                new AccountRow(
                    rs.getObject("id", UUID.class),
                    seal.openEmail(rs.getBytes("email")),
                    seal.openName(rs.getBytes("full_name")),
                    rs.getBoolean("platform_admin"),
                    rs.getBoolean("disabled")))
        .list()
        .stream()
        .sorted(ByName.of(AccountRow::fullName, AccountRow::id))
        .limit(limit)
        .toList();
  }
}
