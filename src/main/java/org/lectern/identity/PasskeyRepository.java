package org.lectern.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A person's passkeys as their security page lists them. The credentials themselves are written and
 * read by Spring Security's {@code JdbcUserCredentialRepository} (same table).
 */
@Repository
class PasskeyRepository {

  private final JdbcClient jdbc;

  PasskeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One passkey: its credential id (base64url), the name given, when added and last used. */
  record Row(String credentialId, String label, Instant created, Instant lastUsed) {}

  List<Row> of(UUID userId) {
    return jdbc.sql(
            """
            select c.credential_id, c.label, c.created, c.last_used
            from user_credentials c join passkey_user p on p.entity_id = c.user_entity_user_id
            where p.user_id = :u
            order by c.created, c.credential_id
            """)
        .param("u", userId)
        .query(
            (rs, n) ->
                new Row(
                    rs.getString(1),
                    rs.getString(2),
                    instant(rs.getTimestamp(3)),
                    instant(rs.getTimestamp(4))))
        .list();
  }

  int count(UUID userId) {
    return jdbc.sql(
            """
            select count(*) from user_credentials c
            join passkey_user p on p.entity_id = c.user_entity_user_id where p.user_id = :u
            """)
        .param("u", userId)
        .query(Integer.class)
        .single();
  }

  /** Removes one of the person's passkeys; false when they have none by that id. */
  boolean remove(UUID userId, String credentialId) {
    return jdbc.sql(
                """
                delete from user_credentials c using passkey_user p
                where p.entity_id = c.user_entity_user_id and p.user_id = :u
                  and c.credential_id = :c
                """)
            .param("u", userId)
            .param("c", credentialId)
            .update()
        == 1;
  }

  private static Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
