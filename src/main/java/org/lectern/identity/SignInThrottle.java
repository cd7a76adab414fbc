package org.lectern.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.lectern.audit.AuditAction;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Locks sign-in after repeated failures, on every node (PostgreSQL): 5 wrong passwords for one
 * e-mail address in 15 minutes lock it for 15 minutes, and each further lock within a day lasts
 * twice as long (at most a day); 30 failures from one client address in 15 minutes lock that
 * address the same way. Failures are counted by the shared {@link RateLimiter}; the lock itself is
 * a row. Unknown addresses are counted and locked like real ones, so nothing tells them apart.
 */
@Component
record SignInThrottle(
    JdbcClient jdbc,
    RateLimiter limiter,
    PersonalDataCipher cipher,
    UserRepository users,
    Accounts accounts,
    ApplicationEventPublisher events,
    Clock clock,
    Transactions transactions) {

  static final Duration FIRST_LOCK = Duration.ofMinutes(15);
  static final Duration LONGEST_LOCK = Duration.ofDays(1);
  private static final Limit ACCOUNT_FAILURES =
      new Limit("sign-in.account", 4, Duration.ofMinutes(15), "identity.badCredentials");
  private static final Limit ADDRESS_FAILURES =
      new Limit("sign-in.address", 29, Duration.ofMinutes(15), "identity.badCredentials");

  boolean locked(String email, String address) {
    return jdbc.sql(
            """
            select exists(select 1 from sign_in_lock
                          where lock_key in (:account, :address) and locked_until > :now)
            """)
        .param("account", accountKey(email))
        .param("address", addressKey(address))
        .param("now", Timestamp.from(clock.instant()))
        .query(Boolean.class)
        .single();
  }

  /** Whether sign-in from this client address is locked (passkeys: no account is named). */
  boolean addressLocked(String address) {
    return jdbc.sql(
            "select exists(select 1 from sign_in_lock where lock_key = :k and locked_until > :now)")
        .param("k", addressKey(address))
        .param("now", Timestamp.from(clock.instant()))
        .query(Boolean.class)
        .single();
  }

  /** Counts a failed passkey sign-in against the client address; locks it when one too many. */
  void failedFrom(String address) {
    transactions.run(
        () -> {
          if (address != null && !limiter.tryAcquire(ADDRESS_FAILURES, address)) {
            lock(addressKey(address));
          }
        });
  }

  /** Counts a failure; locks the account or the address when it was one too many. */
  void failed(String email, String address) {
    transactions.run(
        () -> {
          String normalised = normalise(email);
          if (!limiter.tryAcquire(ACCOUNT_FAILURES, normalised)) {
            lock(accountKey(email))
                .ifPresent(
                    d ->
                        users
                            .findByEmail(normalised)
                            .ifPresent(
                                u -> {
                                  accounts.record(
                                      null,
                                      AuditAction.ACCOUNT_LOCKED,
                                      u.id(),
                                      accounts.firstOrganisation(u.id()));
                                  events.publishEvent(new SignInLocked(u.id(), d.toMinutes()));
                                }));
          }
          if (address != null && !limiter.tryAcquire(ADDRESS_FAILURES, address)) {
            lock(addressKey(address));
          }
        });
  }

  /** Starts a lock unless one is running; its length when started. */
  private Optional<Duration> lock(String key) {
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into sign_in_lock (lock_key, level, locked_until, last_locked_at)
            values (:k, 0, 'epoch', 'epoch') on conflict (lock_key) do nothing
            """)
        .param("k", key)
        .update();
    record Row(int level, Timestamp lockedUntil, Timestamp lastLockedAt) {}
    Row row =
        jdbc.sql(
                "select level, locked_until, last_locked_at from sign_in_lock"
                    + " where lock_key = :k for update")
            .param("k", key)
            .query(Row.class)
            .single();
    if (row.lockedUntil().toInstant().isAfter(now)) {
      return Optional.empty();
    }
    boolean recent = row.lastLockedAt().toInstant().isAfter(now.minus(LONGEST_LOCK));
    int level = recent ? Math.min(row.level() + 1, 20) : 1;
    Duration length = FIRST_LOCK.multipliedBy(1L << Math.min(level - 1, 10));
    if (length.compareTo(LONGEST_LOCK) > 0) {
      length = LONGEST_LOCK;
    }
    jdbc.sql(
            """
            update sign_in_lock set level = :l, locked_until = :until, last_locked_at = :now
            where lock_key = :k
            """)
        .param("l", level)
        .param("until", Timestamp.from(now.plus(length)))
        .param("now", Timestamp.from(now))
        .param("k", key)
        .update();
    return Optional.of(length);
  }

  private String accountKey(String email) {
    return "account:" + cipher.blindIndex(normalise(email), "sign-in-lock");
  }

  private String addressKey(String address) {
    return "address:" + cipher.blindIndex(address == null ? "" : address, "sign-in-lock");
  }

  private static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
