package org.lectern.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Set-password links for invited accounts: random, stored as a digest, valid 7 days, used once. */
@Service
public record UserInvitations(
    JdbcClient jdbc,
    PasswordEncoder encoder,
    Clock clock,
    PasswordPolicy policy,
    UserRepository users,
    Transactions transactions) {

  static final Duration VALIDITY = Duration.ofDays(7);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new token for the user; earlier unused ones stay valid until they expire. */
  public String issue(UUID userId) {
    return transactions.result(
        () -> {
          byte[] bytes = new byte[32];
          RANDOM.nextBytes(bytes);
          String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
          var now = clock.instant();
          jdbc.sql(
                  "insert into user_invitation (token_hash, user_id, created_at, expires_at) values (:h, :u, :c, :e)")
              .param("h", digest(token))
              .param("u", userId)
              .param("c", Timestamp.from(now))
              .param("e", Timestamp.from(now.plus(VALIDITY)))
              .update();
          return token;
        });
  }

  /** The invited user, if the token is valid and unused. */
  public Optional<UUID> userOf(String token) {
    return jdbc.sql(
            "select user_id from user_invitation where token_hash = :h and used_at is null and expires_at > :now")
        .param("h", digest(token))
        .param("now", Timestamp.from(clock.instant()))
        .query(UUID.class)
        .optional();
  }

  /** Sets the password and uses up the token; refuses a short password or a spent token. */
  public UUID accept(String token, String password) {
    return transactions.result(
        () -> {
          if (password == null || password.length() < UserService.MIN_PASSWORD) {
            throw InvalidInputException.of(
                "password", "identity.password.short", UserService.MIN_PASSWORD);
          }
          UUID user =
              userOf(token)
                  .orElseThrow(() -> new NotFoundException("reporting.invitation.invalid"));
          policy.check(
              "password",
              password,
              users.findById(user).map(Accounts::personal).orElse(new String[0]));
          jdbc.sql("update user_invitation set used_at = :now where token_hash = :h")
              .param("now", Timestamp.from(clock.instant()))
              .param("h", digest(token))
              .update();
          jdbc.sql(
                  "update app_user set password_hash = :p, session_epoch = session_epoch + 1 where id = :u")
              .param("p", encoder.encode(password))
              .param("u", user)
              .update();
          return user;
        });
  }

  private static byte[] digest(String token) {
    return Sha256.bytes(token);
  }
}
