package org.lectern.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} for POSTs: the key is claimed in the same transaction as the change, so a
 * concurrent duplicate waits on the unique key and then replays; a failed request leaves no claim.
 */
@Component
class IdempotencyRecords {

  private final JdbcClient jdbc;

  IdempotencyRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored answer to replay. */
  record Stored(String requestHash, int status, String body, String location) {}

  /** Claims the key; empty when claimed now, else what was stored for it. */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Stored> claim(String userKey, String key, String requestHash) {
    int inserted =
        jdbc.sql(
                """
                insert into idempotency_record (user_key, key, request_hash, status)
                values (:u, :k, :h, 0) on conflict do nothing
                """)
            .param("u", userKey)
            .param("k", key)
            .param("h", requestHash)
            .update();
    if (inserted == 1) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select request_hash, status, body, location from idempotency_record
            where user_key = :u and key = :k
            """)
        .param("u", userKey)
        .param("k", key)
        .query(
            (rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void complete(String userKey, String key, int status, String body, String location) {
    jdbc.sql(
            """
            update idempotency_record set status = :s, body = :b, location = :l
            where user_key = :u and key = :k
            """)
        .param("s", status)
        .param("b", body)
        .param("l", location)
        .param("u", userKey)
        .param("k", key)
        .update();
  }

  static String hash(String canonical) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
