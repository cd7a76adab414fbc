package org.lectern.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the API. Only a SHA-256 hash is stored, so a database dump grants no access.
 */
@Service
public class ApiTokenService {

  public static final Duration LIFETIME = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final UserService users;
  private final Clock clock;

  ApiTokenService(JdbcClient jdbc, UserService users, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.clock = clock;
  }

  /** A new token as issued to the caller, shown once. */
  public record IssuedToken(String token, Instant expiresAt) {}

  @Transactional
  public IssuedToken issue(UUID userId, String name) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = "lct_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant expires = clock.instant().plus(LIFETIME);
    jdbc.sql(
            """
            insert into api_token (id, user_id, token_hash, name, expires_at)
            values (:id, :user, :hash, :name, :expires)
            """)
        .param("id", UUID.randomUUID())
        .param("user", userId)
        .param("hash", hash(token))
        .param("name", name)
        .param("expires", java.sql.Timestamp.from(expires))
        .update();
    return new IssuedToken(token, expires);
  }

  /** The user a valid, unexpired, unrevoked token belongs to. */
  public Optional<LecternUser> authenticate(String token) {
    if (token == null || !token.startsWith("lct_") || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            update api_token set last_used_at = now()
            where token_hash = :hash and revoked_at is null and expires_at > :now
            returning user_id
            """)
        .param("hash", hash(token))
        .param("now", java.sql.Timestamp.from(clock.instant()))
        .query(UUID.class)
        .optional()
        .flatMap(users::find);
  }

  static byte[] hash(String token) {
    return Sha256.bytes(token);
  }
}
