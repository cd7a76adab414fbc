package org.lectern.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * Delegates' one-time sign-in tokens, stored only as SHA-256 digests: someone who reads the
 * database (or a dump) cannot sign in as a delegate with a link that is still valid. The token is
 * 256 random bits, so a plain digest cannot be reversed by guessing. Consuming deletes the row, so
 * a link works once, even when two requests race.
 */
record HashedSignInTokens(JdbcClient jdbc, Clock clock, Transactions transactions)
    implements OneTimeTokenService {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
    return transactions.result(
        () -> {
          byte[] bytes = new byte[32];
          RANDOM.nextBytes(bytes);
          String value = HexFormat.of().formatHex(bytes);
          Instant expires = clock.instant().plus(request.getExpiresIn());
          jdbc.sql(
                  "insert into one_time_tokens (token_value, username, expires_at) values (:h, :u, :e)")
              .param("h", Sha256.hex(value))
              .param("u", request.getUsername())
              .param("e", Timestamp.from(expires))
              .update();
          jdbc.sql("delete from one_time_tokens where expires_at < :now")
              .param("now", Timestamp.from(clock.instant()))
              .update();
          return new DefaultOneTimeToken(value, request.getUsername(), expires);
        });
  }

  @Override
  public OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
    return transactions.result(
        () -> {
          String value = authentication.getTokenValue();
          if (value == null || value.isBlank() || value.length() > 200) {
            return null;
          }
          return jdbc.sql(
                  "delete from one_time_tokens where token_value = :h returning username, expires_at")
              .param("h", Sha256.hex(value))
              .query(
                  (rs, i) ->
                      new DefaultOneTimeToken(
                          value,
                          rs.getString("username"),
                          rs.getTimestamp("expires_at").toInstant()))
              .optional()
              .filter(t -> t.getExpiresAt().isAfter(clock.instant()))
              .orElse(null);
        });
  }
}
