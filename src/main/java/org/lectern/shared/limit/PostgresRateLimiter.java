package org.lectern.shared.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fixed windows in one table. One statement per use: insert the window's row with 1 use, or add one
 * to it only while it is below the limit; no row back means refused. PostgreSQL serialises the
 * upserts of one row, so N parallel requests are allowed exactly {@code permits} times, on one node
 * or many. Rows of ended windows are deleted by {@link RateLimitHousekeeping}.
 */
@Component
record PostgresRateLimiter(
    JdbcClient jdbc,
    PersonalDataCipher cipher,
    Clock clock,
    @Value("${lectern.rate-limit.enabled:true}") boolean enabled)
    implements RateLimiter {

  @Override
  public void acquire(Limit limit, String key) {
    Optional<Duration> refused = use(limit, key);
    if (refused.isPresent()) {
      throw new TooManyRequestsException(limit.messageKey(), refused.get());
    }
  }

  @Override
  public void acquire(Limit first, String firstKey, Limit second, String secondKey) {
    if (!enabled) {
      return;
    }
    Window a = window(first, firstKey);
    Window b = window(second, secondKey);
    boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
    // Both upserts in one statement; the second sees the first's RETURNING and counts only when
    // the first allowed the use, so a refused use is counted nowhere after a refusal, as before.
    var counted =
        jdbc.sql(
                """
                with first as (
                  insert into rate_limit_window (bucket, window_start, window_end, uses)
                  select :b1, :s1, :e1, 1
                """
                    + (inTransaction
                        ? ""
                        : "from (select set_config('synchronous_commit', 'off', true)) u\n")
                    + """
                  on conflict (bucket, window_start) do update
                    set uses = rate_limit_window.uses + 1
                    where rate_limit_window.uses < :p1
                  returning uses),
                second as (
                  insert into rate_limit_window (bucket, window_start, window_end, uses)
                  select :b2, :s2, :e2, 1 where exists (select 1 from first)
                  on conflict (bucket, window_start) do update
                    set uses = rate_limit_window.uses + 1
                    where rate_limit_window.uses < :p2
                  returning uses)
                select (select count(*) from first) + (select count(*) from second)
                """)
            .param("b1", a.bucket())
            .param("s1", a.startAt())
            .param("e1", a.endAt())
            .param("p1", first.permits())
            .param("b2", b.bucket())
            .param("s2", b.startAt())
            .param("e2", b.endAt())
            .param("p2", second.permits())
            .query(Integer.class)
            .single();
    if (counted < 2) {
      Window refused = counted == 0 ? a : b;
      throw new TooManyRequestsException(
          (counted == 0 ? first : second).messageKey(),
          Duration.between(refused.now(), refused.end()));
    }
  }

  /** A key's current window under a limit: the stored bucket (a keyed digest) and its bounds. */
  private record Window(String bucket, Instant now, Instant start, Instant end) {

    OffsetDateTime startAt() {
      return OffsetDateTime.ofInstant(start, ZoneOffset.UTC);
    }

    OffsetDateTime endAt() {
      return OffsetDateTime.ofInstant(end, ZoneOffset.UTC);
    }
  }

  private Window window(Limit limit, String key) {
    Instant now = clock.instant();
    long size = limit.window().toSeconds();
    Instant start = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), size) * size);
    return new Window(
        limit.name() + ":" + cipher.blindIndex(key == null ? "" : key, "rate-limit"),
        now,
        start,
        start.plusSeconds(size));
  }

  @Override
  public boolean tryAcquire(Limit limit, String key) {
    return use(limit, key).isEmpty();
  }

  @Override
  public int acquireUpTo(Limit limit, String key, int wanted) {
    if (!enabled || wanted <= 0) {
      return Math.max(wanted, 0);
    }
    Instant now = clock.instant();
    long size = limit.window().toSeconds();
    Instant start = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), size) * size);
    String bucket = limit.name() + ":" + cipher.blindIndex(key == null ? "" : key, "rate-limit");
    var startAt = OffsetDateTime.ofInstant(start, ZoneOffset.UTC);
    // Usually the window's row exists and one statement counts the batch; else it is inserted
    // (a concurrent insert of the same row makes the insert count nothing, and the update runs
    // again).
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<Integer> added =
          jdbc.sql(ADD_UP_TO)
              .param("bucket", bucket)
              .param("start", startAt)
              .param("n", wanted)
              .param("permits", limit.permits())
              .query(Integer.class)
              .optional();
      if (added.isPresent()) {
        return added.get();
      }
      Optional<Integer> inserted =
          jdbc.sql(INSERT_UP_TO)
              .param("bucket", bucket)
              .param("start", startAt)
              .param("end", OffsetDateTime.ofInstant(start.plusSeconds(size), ZoneOffset.UTC))
              .param("n", Math.min(wanted, limit.permits()))
              .query(Integer.class)
              .optional();
      if (inserted.isPresent()) {
        return inserted.get();
      }
    }
    throw new IllegalStateException("rate-limit window could not be counted: " + limit.name());
  }

  /**
   * Adds up to n uses without passing the permits and returns how many were added: the sub-select
   * locks the row and reads the uses before the update (the update then sees its own lock's
   * version), so parallel batches of one key never add more than the permits together.
   */
  private static final String ADD_UP_TO =
      """
      update rate_limit_window w
        set uses = greatest(w.uses, least(w.uses + :n, :permits))
      from (select uses from rate_limit_window
            where bucket = :bucket and window_start = :start for update) before
      where w.bucket = :bucket and w.window_start = :start
      returning w.uses - before.uses
      """;

  private static final String INSERT_UP_TO =
      """
      insert into rate_limit_window (bucket, window_start, window_end, uses)
      values (:bucket, :start, :end, :n)
      on conflict (bucket, window_start) do nothing
      returning uses
      """;

  /** Empty when allowed, else the time until the window ends. */
  private Optional<Duration> use(Limit limit, String key) {
    if (!enabled) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    long size = limit.window().toSeconds();
    Instant start = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), size) * size);
    Instant end = start.plusSeconds(size);
    // The key may be an address, a participant or a blind index: keep only a keyed digest.
    String bucket = limit.name() + ":" + cipher.blindIndex(key == null ? "" : key, "rate-limit");
    Optional<Integer> uses =
        jdbc.sql(
                TransactionSynchronizationManager.isActualTransactionActive()
                    ? IN_TRANSACTION
                    : ON_ITS_OWN)
            .param("bucket", bucket)
            .param("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
            .param("end", OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
            .param("permits", limit.permits())
            .query(Integer.class)
            .optional();
    return uses.isPresent() ? Optional.empty() : Optional.of(Duration.between(now, end));
  }

  private static final String UPSERT =
      """
      on conflict (bucket, window_start) do update
        set uses = rate_limit_window.uses + 1
        where rate_limit_window.uses < :permits
      returning uses
      """;

  /** Inside a caller's transaction: counted, and committed, with its work. */
  private static final String IN_TRANSACTION =
      """
      insert into rate_limit_window (bucket, window_start, window_end, uses)
      values (:bucket, :start, :end, 1)
      """
          + UPSERT;

  /**
   * On its own (the usual case, before any work): the count commits without waiting for its WAL to
   * reach the disk ({@code synchronous_commit} off for this one statement's transaction; the
   * registration and everything else still wait). A crash may forget the last fraction of a second
   * of counts, which only makes a limit briefly more lenient; waiting for the disk made every
   * counted request queue on its bucket's row for a whole fsync — the calls of one API user (all on
   * one row) could not go faster than the disk (issue 16, SECURITY.md).
   */
  private static final String ON_ITS_OWN =
      """
      insert into rate_limit_window (bucket, window_start, window_end, uses)
      select :bucket, :start, :end, 1
      from (select set_config('synchronous_commit', 'off', true)) unsynchronised
      """
          + UPSERT;
}
