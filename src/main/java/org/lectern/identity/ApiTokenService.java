package org.lectern.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens for the API. Only a SHA-256 hash is stored, so a database dump grants no access. A
 * token works while it is unexpired, unrevoked and its account is not disabled.
 */
@Service
public record ApiTokenService(
    JdbcClient jdbc, Clock clock, Transactions transactions, KnownTokens known, AccountSeal seal) {

  public static final Duration LIFETIME = Duration.ofDays(30);
  public static final int MAX_DAYS = 365;
  public static final int MAX_NAME = 100;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new token as issued to the caller, shown once. */
  public record IssuedToken(UUID id, String token, Instant expiresAt) {}

  /** One of a person's tokens as listed to them: never the secret. */
  public record TokenView(
      UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {}

  public IssuedToken issue(UUID userId, String name) {
    return transactions.result(() -> issue(userId, name, LIFETIME));
  }

  public IssuedToken issue(UUID userId, String name, Duration validity) {
    return transactions.result(() -> issue(userId, name, validity, false));
  }

  public IssuedToken issue(UUID userId, String name, Duration validity, boolean secondFactor) {
    return transactions.result(
        () -> {
          byte[] raw = new byte[32];
          RANDOM.nextBytes(raw);
          String token = "lct_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
          Instant expires = clock.instant().plus(validity);
          UUID id = UUID.randomUUID();
          jdbc.sql(
                  """
            insert into api_token (id, user_id, token_hash, name, created_at, expires_at, factor_at)
            values (:id, :user, :hash, :name, :now, :expires, :factor)
            """)
              .param(
                  "factor",
                  secondFactor ? Timestamp.from(clock.instant()) : null,
                  java.sql.Types.TIMESTAMP)
              .param("id", id)
              .param("user", userId)
              .param("hash", hash(token))
              .param("name", name)
              .param("now", Timestamp.from(clock.instant()))
              .param("expires", Timestamp.from(expires))
              .update();
          return new IssuedToken(id, token, expires);
        });
  }

  /** The person's tokens that still work, newest first. */
  public List<TokenView> active(UUID userId) {
    return jdbc.sql(
            """
            select id, name, created_at, expires_at, last_used_at from api_token
            where user_id = :u and revoked_at is null and expires_at > :now
            order by created_at desc, id
            """)
        .param("u", userId)
        .param("now", Timestamp.from(clock.instant()))
        .query(TokenView.class)
        .list();
  }

  /** Revokes one of the person's own tokens; false when they have no such working token. */
  public boolean revoke(UUID userId, UUID tokenId) {
    return transactions.result(
        () ->
            jdbc.sql(
                        """
                update api_token set revoked_at = :now
                where id = :id and user_id = :u and revoked_at is null
                """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", tokenId)
                    .param("u", userId)
                    .update()
                == 1);
  }

  /** Revokes every token of the person (after a password reset). */
  public int revokeAll(UUID userId) {
    return transactions.result(
        () ->
            jdbc.sql(
                    "update api_token set revoked_at = :now where user_id = :u and revoked_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("u", userId)
                .update());
  }

  /** The user a valid, unexpired, unrevoked token of an enabled account belongs to. */
  public Optional<LecternUser> authenticate(String token) {
    return bearer(token).map(Bearer::user);
  }

  /** A token's user, and when the token was made with a second-factor code (or null). */
  record Bearer(LecternUser user, Instant factorAt) {}

  private record TokenRow(
      UUID id, LecternUser user, Timestamp factorAt, Timestamp lastUsedAt, Timestamp expiresAt) {}

  /**
   * How stale {@code last_used_at} may get. Writing it on every request made every API call a write
   * transaction waiting for its own fsync, and all calls of one token queue on one row: under a
   * registration burst that was the hottest row of the database (BENCHMARKS.md). A minute is plenty
   * for "last used".
   */
  static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  Optional<Bearer> bearer(String token) {
    if (token == null || !token.startsWith("lct_") || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    byte[] hash = hash(token);
    // The token and its account in one round trip (issue 16: one statement less on every call);
    // the account's sealed address and name are opened only if the request shows or records them.
    var row =
        jdbc.sql(
                """
                select t.id as token_id, t.factor_at, t.last_used_at, t.expires_at, u.id, u.email, u.full_name,
                  u.password_hash, u.platform_admin, u.disabled_at is not null as disabled,
                  u.session_epoch
                from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now
                """)
            .param("hash", hash)
            .param("now", Timestamp.from(now))
            .query(
                (rs, i) ->
                    new TokenRow(
                        rs.getObject("token_id", UUID.class),
                        seal.user(rs),
                        rs.getTimestamp("factor_at"),
                        rs.getTimestamp("last_used_at"),
                        rs.getTimestamp("expires_at")))
            .optional();
    row.filter(
            r ->
                r.lastUsedAt() == null
                    || r.lastUsedAt().toInstant().isBefore(now.minus(LAST_USED_PRECISION)))
        .ifPresent(
            r ->
                // Conditional, so that the requests of one token arriving together write once.
                jdbc.sql(
                        """
                        update api_token set last_used_at = :now
                        where id = :id and (last_used_at is null or last_used_at < :stale)
                        """)
                    .param("id", r.id())
                    .param("now", Timestamp.from(now))
                    .param("stale", Timestamp.from(now.minus(LAST_USED_PRECISION)))
                    .update());
    var bearer =
        row.filter(r -> r.user().isEnabled())
            .map(r -> new Bearer(r.user(), r.factorAt() == null ? null : r.factorAt().toInstant()));
    if (bearer.isPresent()) {
      var r = row.get();
      known.put(
          hash,
          new KnownTokens.Known(
              r.id(), r.user(), bearer.get().factorAt(), r.expiresAt().toInstant()));
    } else {
      known.forget(hash);
    }
    return bearer;
  }

  /**
   * This node's note of a token it found working and that has not expired by the note, or null (ADR
   * 0004, amendment "the token checked in the batch"): never trusted, see {@link PendingToken}.
   */
  KnownTokens.Known known(String token) {
    if (token == null || !token.startsWith("lct_") || token.length() > 100) {
      return null;
    }
    var k = known.get(hash(token));
    return k == null || !k.expiresAt().isAfter(clock.instant()) ? null : k;
  }

  /**
   * Of these tokens, the ids of those that still work (unrevoked, unexpired, account enabled), each
   * with whether its account is a platform administrator: one statement for a registration batch,
   * in the caller's transaction (ADR 0004, amendment "the token checked in the batch"). Notes the
   * use of those last noted more than {@link #LAST_USED_PRECISION} ago, in the same statement.
   */
  public java.util.Map<UUID, Boolean> stillValid(java.util.Collection<UUID> tokenIds) {
    Instant now = clock.instant();
    var valid = new java.util.HashMap<UUID, Boolean>();
    jdbc.sql(
            """
            with valid as (
              select t.id, u.platform_admin, t.last_used_at
              from api_token t join app_user u on u.id = t.user_id
              where t.id = any(:ids) and t.revoked_at is null and t.expires_at > :now
                and u.disabled_at is null),
            used as (
              update api_token set last_used_at = :now
              where id in (select id from valid where last_used_at is null or last_used_at < :stale)
                and (last_used_at is null or last_used_at < :stale))
            select id, platform_admin from valid
            """)
        .param("ids", tokenIds.stream().distinct().toArray(UUID[]::new))
        .param("now", Timestamp.from(now))
        .param("stale", Timestamp.from(now.minus(LAST_USED_PRECISION)))
        .query(
            rs -> {
              valid.put(rs.getObject("id", UUID.class), rs.getBoolean("platform_admin"));
            });
    return valid;
  }

  static byte[] hash(String token) {
    return Sha256.bytes(token);
  }
}
