package org.lectern.shared.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.support.IntegrationTest;
import org.lectern.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared limiter on the real database: exact under concurrency, flood-proof, shared by nodes.
 */
class RateLimiterIT extends IntegrationTest {

  @Autowired RateLimiter limiter;
  @Autowired PersonalDataCipher cipher;
  @Autowired PlatformTransactionManager transactions;

  private static Limit limit(int permits) {
    return new Limit(
        "test." + UUID.randomUUID(), permits, Duration.ofHours(1), "registration.tooMany");
  }

  /** Runs {@code call} on {@code threads} threads released at once; their answers. */
  private static <T> List<T> atOnce(int threads, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<T> got = new ArrayList<>();
      for (Future<T> a : answers) {
        got.add(a.get());
      }
      return got;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A second application node: its own connection and limiter on the same database. */
  private RateLimiter otherNode() {
    var otherNodeDb = new DriverManagerDataSource(TestDatabase.jdbcUrl(), "postgres", "");
    return new PostgresRateLimiter(JdbcClient.create(otherNodeDb), cipher, Clock.systemUTC(), true);
  }

  @Test
  void parallelRequestsAreAllowedExactlyTheLimit() throws Exception {
    Limit limit = limit(7);
    var answers = atOnce(24, () -> limiter.tryAcquire(limit, "203.0.113.7"));
    long allowed = answers.stream().filter(a -> a).count();
    assertThat(allowed).isEqualTo(7);
  }

  @Test
  void batchesInParallelAreAllowedExactlyTheLimitTogether() throws Exception {
    Limit limit = limit(23);
    var answers = atOnce(12, () -> limiter.acquireUpTo(limit, "example.org", 5));
    int allowed = 0;
    for (int granted : answers) {
      assertThat(granted).isBetween(0, 5);
      allowed += granted;
    }
    assertThat(allowed).isEqualTo(23);
    // Spent: a batch now gets nothing, and one use is refused as well.
    assertThat(limiter.acquireUpTo(limit, "example.org", 3)).isZero();
    assertThat(limiter.tryAcquire(limit, "example.org")).isFalse();
  }

  @Test
  void aBatchGetsWhatIsLeftOfTheWindow() {
    Limit limit = limit(4);
    assertThat(limiter.tryAcquire(limit, "203.0.113.9")).isTrue();
    assertThat(limiter.acquireUpTo(limit, "203.0.113.9", 10)).isEqualTo(3);
    assertThat(limiter.acquireUpTo(limit, "203.0.113.9", 1)).isZero();
    assertThat(limiter.acquireUpTo(limit, "203.0.113.10", 2)).isEqualTo(2);
  }

  @Test
  void sharesTakenInParallelOnOneNodeAllowExactlyTheLimit() throws Exception {
    Limit limit = limit(7);
    LeasedPermits permits = new LeasedPermits(limiter, limit, 3, Clock.systemUTC());
    var answers =
        atOnce(
            24,
            () -> {
              try {
                permits.acquire("user-1");
                return true;
              } catch (TooManyRequestsException refused) {
                return false;
              }
            });
    long allowed = answers.stream().filter(a -> a).count();
    assertThat(allowed).isEqualTo(7);
  }

  @Test
  void twoNodesTakingSharesAreAllowedNoMoreThanTheLimitTogether() {
    RateLimiter otherLimiter = otherNode();
    Limit limit = limit(10);
    var one = new LeasedPermits(limiter, limit, 4, Clock.systemUTC());
    var two = new LeasedPermits(otherLimiter, limit, 4, Clock.systemUTC());
    int allowed = 0;
    for (int i = 0; i < 30; i++) {
      try {
        (i % 2 == 0 ? one : two).acquire("user-2");
        allowed++;
      } catch (TooManyRequestsException refused) {
        assertThat(refused.retryAfterSeconds()).isPositive();
      }
    }
    assertThat(allowed).isEqualTo(10);
    assertThat(
            jdbc.sql("select uses from rate_limit_window where bucket like :p")
                .param("p", limit.name() + ":%")
                .query(Integer.class)
                .single())
        .isEqualTo(10);
  }

  @Test
  void aFloodOfNewKeysDoesNotResetAnExistingKey() {
    Limit limit = limit(2);
    assertThat(limiter.tryAcquire(limit, "victim")).isTrue();
    assertThat(limiter.tryAcquire(limit, "victim")).isTrue();
    assertThat(limiter.tryAcquire(limit, "victim")).isFalse();
    for (int i = 0; i < 1_500; i++) {
      limiter.tryAcquire(limit, "spray-" + i);
    }
    assertThat(limiter.tryAcquire(limit, "victim")).isFalse();
    assertThat(limiter.tryAcquire(limit, "spray-1")).isTrue();
  }

  @Test
  void twoNodesOnOneDatabaseShareTheCount() {
    RateLimiter otherNode = otherNode();
    Limit limit = limit(4);
    int allowed = 0;
    for (int i = 0; i < 10; i++) {
      RateLimiter node = i % 2 == 0 ? limiter : otherNode;
      allowed += node.tryAcquire(limit, "198.51.100.1") ? 1 : 0;
    }
    assertThat(allowed).isEqualTo(4);
  }

  @Test
  void refusalSaysHowLongToWaitAndANewWindowAllowsAgain() {
    Limit limit = new Limit("test." + UUID.randomUUID(), 1, Duration.ofMinutes(1), "live.tooMany");
    Instant t = Instant.parse("2030-01-01T10:00:15Z");
    var early = new PostgresRateLimiter(jdbc, cipher, Clock.fixed(t, ZoneOffset.UTC), true);
    early.acquire(limit, "k");
    assertThatThrownBy(() -> early.acquire(limit, "k"))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e -> {
              assertThat(e.code()).isEqualTo("live.tooMany");
              assertThat(e.retryAfterSeconds()).isEqualTo(45);
            });
    var next =
        new PostgresRateLimiter(jdbc, cipher, Clock.fixed(t.plusSeconds(60), ZoneOffset.UTC), true);
    assertThat(next.tryAcquire(limit, "k")).isTrue();
  }

  @Test
  void endedWindowsArePrunedAndKeysAreNotStoredInClear() {
    Limit limit = new Limit("test." + UUID.randomUUID(), 3, Duration.ofMinutes(1), "live.tooMany");
    Instant t = Instant.parse("2030-02-01T10:00:00Z");
    new PostgresRateLimiter(jdbc, cipher, Clock.fixed(t, ZoneOffset.UTC), true)
        .acquire(limit, "192.0.2.55");
    assertThat(count(limit)).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from rate_limit_window where bucket like '%192.0.2.55%'")
                .query(Long.class)
                .single())
        .isZero();
    RateLimitHousekeeping.prune(jdbc, Clock.fixed(t.plusSeconds(59), ZoneOffset.UTC));
    assertThat(count(limit)).isEqualTo(1);
    RateLimitHousekeeping.prune(jdbc, Clock.fixed(t.plusSeconds(60), ZoneOffset.UTC));
    assertThat(count(limit)).isZero();
  }

  @Test
  void twoLimitsInOneStatementCountTheSecondOnlyWhenTheFirstAllows() {
    Limit address =
        new Limit("test." + UUID.randomUUID(), 2, Duration.ofMinutes(1), "live.tooMany");
    Limit email = limit(3);
    Instant t = Instant.parse("2030-03-01T10:00:20Z");
    var at = new PostgresRateLimiter(jdbc, cipher, Clock.fixed(t, ZoneOffset.UTC), true);
    at.acquire(address, "192.0.2.1", email, "index-a");
    at.acquire(address, "192.0.2.1", email, "index-a");
    assertThat(uses(address)).isEqualTo(2);
    assertThat(uses(email)).isEqualTo(2);
    // The address is spent: refused with its own message and wait, the e-mail not counted.
    assertThatThrownBy(() -> at.acquire(address, "192.0.2.1", email, "index-a"))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e -> {
              assertThat(e.code()).isEqualTo("live.tooMany");
              assertThat(e.retryAfterSeconds()).isEqualTo(40);
            });
    assertThat(uses(email)).isEqualTo(2);
    // Another address: counted, and it spends the e-mail's last use; then the e-mail refuses.
    at.acquire(address, "192.0.2.2", email, "index-a");
    assertThat(uses(email)).isEqualTo(3);
    assertThatThrownBy(() -> at.acquire(address, "192.0.2.3", email, "index-a"))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e -> assertThat(e.code()).isEqualTo("registration.tooMany"));
    assertThat(uses(email)).isEqualTo(3);
    // Inside a transaction the same statement runs without its own commit setting.
    new TransactionTemplate(transactions)
        .executeWithoutResult(s -> at.acquire(address, "192.0.2.4", email, "index-b"));
    assertThat(uses(address)).isEqualTo(5);
  }

  private long uses(Limit limit) {
    return jdbc.sql("select coalesce(sum(uses), 0) from rate_limit_window where bucket like :p")
        .param("p", limit.name() + ":%")
        .query(Long.class)
        .single();
  }

  private long count(Limit limit) {
    return jdbc.sql("select count(*) from rate_limit_window where bucket like :p")
        .param("p", limit.name() + ":%")
        .query(Long.class)
        .single();
  }
}
