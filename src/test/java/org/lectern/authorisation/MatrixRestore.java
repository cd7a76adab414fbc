package org.lectern.authorisation;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts back what an allowed write may have changed, so that every role meets the same world:
 * programme, session and registration status, memberships, programme roles, accounts (enabled,
 * session epoch) and API tokens, as they were when the world was built.
 */
final class MatrixRestore {

  private final JdbcClient jdbc;
  private final MatrixWorld world;
  private final List<Map<String, Object>> programmes;
  private final List<Map<String, Object>> sessions;
  private final List<Map<String, Object>> members;
  private final List<Map<String, Object>> roles;
  private final List<Map<String, Object>> accounts;
  private final List<Map<String, Object>> registrations;

  MatrixRestore(JdbcClient jdbc, MatrixWorld world) {
    this.jdbc = jdbc;
    this.world = world;
    this.programmes = rows("select id, status from programme where id in (:ids)", world.programmes);
    this.sessions =
        rows("select id, status from session where programme_id in (:ids)", world.programmes);
    this.members =
        rows(
            "select organisation_id, user_id, role from organisation_member"
                + " where organisation_id in (:ids)",
            world.organisations);
    this.roles =
        rows(
            "select programme_id, user_id, role from programme_member where programme_id in (:ids)",
            world.programmes);
    this.accounts = rows("select id, session_epoch from app_user where id in (:ids)", world.people);
    this.registrations =
        rows("select id, status from registration where programme_id in (:ids)", world.programmes);
  }

  private List<Map<String, Object>> rows(String sql, List<?> ids) {
    return jdbc.sql(sql).param("ids", ids).query().listOfRows();
  }

  void run() {
    programmes.forEach(
        r ->
            jdbc.sql("update programme set status = :s where id = :id")
                .param("s", r.get("status"))
                .param("id", r.get("id"))
                .update());
    sessions.forEach(
        r ->
            jdbc.sql("update session set status = :s where id = :id")
                .param("s", r.get("status"))
                .param("id", r.get("id"))
                .update());
    jdbc.sql("delete from organisation_member where organisation_id in (:ids)")
        .param("ids", world.organisations)
        .update();
    members.forEach(
        r ->
            jdbc.sql(
                    "insert into organisation_member (organisation_id, user_id, role)"
                        + " values (:o, :u, :r)")
                .param("o", r.get("organisation_id"))
                .param("u", r.get("user_id"))
                .param("r", r.get("role"))
                .update());
    jdbc.sql("delete from programme_member where programme_id in (:ids)")
        .param("ids", world.programmes)
        .update();
    roles.forEach(
        r ->
            jdbc.sql(
                    "insert into programme_member (programme_id, user_id, role)"
                        + " values (:p, :u, :r)")
                .param("p", r.get("programme_id"))
                .param("u", r.get("user_id"))
                .param("r", r.get("role"))
                .update());
    accounts.forEach(
        r ->
            jdbc.sql("update app_user set disabled_at = null, session_epoch = :e where id = :id")
                .param("e", r.get("session_epoch"))
                .param("id", r.get("id"))
                .update());
    registrations.forEach(
        r ->
            jdbc.sql("update registration set status = :s where id = :id")
                .param("s", r.get("status"))
                .param("id", r.get("id"))
                .update());
    jdbc.sql("update api_token set revoked_at = null where id in (:ids)")
        .param("ids", world.tokens)
        .update();
  }
}
