package org.lectern.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditAction;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Forgotten passwords: a one-time link, valid 30 minutes, stored only as a SHA-256 digest. Asking
 * answers the same whether or not the account exists; using the link sets a new password, ends
 * every session and revokes every API token of the account.
 */
@Service
public record PasswordResets(
    JdbcClient jdbc,
    UserRepository users,
    AccountRepository accounts,
    Accounts lifecycle,
    ApiTokenService tokens,
    PasswordPolicy policy,
    PasswordEncoder encoder,
    ResetLimits limits,
    ApplicationEventPublisher events,
    Clock clock,
    Transactions transactions) {

  public static final Duration VALIDITY = Duration.ofMinutes(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Asks for a link for {@code email}. Whether an account exists is never told: the caller shows
   * the same answer, and the same work is done (one read, one event) in both cases.
   */
  public void request(String email) {
    transactions.run(
        () -> {
          if (email == null || !Emails.isValid(email)) {
            throw InvalidInputException.of("email", "validation.email");
          }
          var user = users.findByEmail(email).filter(LecternUser::isEnabled);
          boolean send =
              limits.tryEmail(email.strip().toLowerCase(java.util.Locale.ROOT)) && user.isPresent();
          events.publishEvent(new PasswordResetRequested(send ? user.get().id() : null));
        });
  }

  /** A new link's token for the account (older unused links stop working). */
  public String issue(UUID userId) {
    return transactions.result(
        () -> {
          var now = clock.instant();
          jdbc.sql(
                  "update password_reset set used_at = :now where user_id = :u and used_at is null")
              .param("now", Timestamp.from(now))
              .param("u", userId)
              .update();
          byte[] raw = new byte[32];
          RANDOM.nextBytes(raw);
          String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
          jdbc.sql(
                  """
            insert into password_reset (token_hash, user_id, created_at, expires_at)
            values (:h, :u, :now, :exp)
            """)
              .param("h", Sha256.bytes(token))
              .param("u", userId)
              .param("now", Timestamp.from(now))
              .param("exp", Timestamp.from(now.plus(VALIDITY)))
              .update();
          return token;
        });
  }

  /** The language the account's mail is written in (en, ru or kk). */
  public String languageOf(UUID userId) {
    return accounts.language(userId);
  }

  /** The account of a link that is still usable. */
  public Optional<LecternUser> userOf(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select user_id from password_reset
            where token_hash = :h and used_at is null and expires_at > :now
            """)
        .param("h", Sha256.bytes(token))
        .param("now", Timestamp.from(clock.instant()))
        .query(UUID.class)
        .optional()
        .flatMap(users::findById)
        .filter(LecternUser::isEnabled);
  }

  /**
   * Sets the new password with a usable link, once: a weak password leaves the link usable; a used
   * or expired link changes nothing.
   */
  public UUID reset(String token, String password) {
    return transactions.result(
        () -> {
          var user =
              userOf(token).orElseThrow(() -> new NotFoundException("identity.reset.invalid"));
          policy.check("password", password, Accounts.personal(user));
          int used =
              jdbc.sql(
                      """
                update password_reset set used_at = :now
                where token_hash = :h and used_at is null and expires_at > :now
                """)
                  .param("h", Sha256.bytes(token))
                  .param("now", Timestamp.from(clock.instant()))
                  .update();
          if (used != 1) {
            throw new NotFoundException("identity.reset.invalid");
          }
          accounts.setPassword(user.id(), encoder.encode(password));
          tokens.revokeAll(user.id());
          lifecycle.endSessions(user.id());
          lifecycle.record(
              user,
              AuditAction.ACCOUNT_PASSWORD_RESET,
              user.id(),
              lifecycle.firstOrganisation(user.id()));
          return user.id();
        });
  }
}
