package org.lectern.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The embedded server vacuums a queue table within seconds of a burst of claims (issue 16, twelfth
 * pass). The mail due list is claimed from the head of {@code (lane, next_attempt_at)}; every mail
 * sent leaves a dead index entry there that each later claim reads again until a vacuum removes it,
 * and autovacuum's default naptime let a minute of claims pile up (285 buffers per claim after
 * 15,000 claims with a standing backlog, 23 on a fresh list). Counted from {@code EXPLAIN (ANALYZE,
 * BUFFERS)}, never timed: the wait only bounds how long the test waits for the vacuum.
 */
class QueueVacuumIT {

  private static final long MAX_BUFFERS = 60;

  @Test
  void theDueListIsVacuumedSoonAfterABurstOfClaims() throws Exception {
    Path dir = Files.createTempDirectory("lectern-queue-vacuum");
    try (EmbeddedPostgres pg =
            new EmbeddedPostgresConfiguration().embeddedPostgres(dir.toString());
        Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      assertThat(value(st, "show autovacuum_naptime"))
          .isEqualTo(EmbeddedPostgresConfiguration.AUTOVACUUM_NAPTIME);
      // The due list as V202612130200 creates it: 30,000 mails listed, 20,000 of them sent (their
      // entries dead at the head of the index), a backlog of 10,000 left.
      st.execute(
          """
          create table mail_outbox_due (id uuid primary key, lane smallint not null,
                                        next_attempt_at timestamptz not null);
          create index mail_outbox_due_lane_idx on mail_outbox_due (lane, next_attempt_at);
          insert into mail_outbox_due
          select gen_random_uuid(), 1, now() - interval '1 hour' + n * interval '1 ms'
          from generate_series(1, 30000) n;
          """);
      for (int i = 0; i < 20; i++) {
        st.execute(
            """
            delete from mail_outbox_due where id in (select id from mail_outbox_due
              order by lane, next_attempt_at limit 1000)
            """);
      }
      System.out.printf(
          "QueueVacuumIT: the claim read %d buffers after the burst%n", claimBuffers(st));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(claimBuffers(st)).isLessThanOrEqualTo(MAX_BUFFERS));
      System.out.printf(
          "QueueVacuumIT: the claim read %d buffers after a vacuum%n", claimBuffers(st));
    }
  }

  /** Shared buffers of the claim's scan (OutboxRepository.claimDue's first part), rolled back. */
  private static long claimBuffers(Statement st) throws SQLException {
    st.execute("begin");
    try {
      String plan =
          value(
              st,
              """
              explain (analyze, buffers, format json)
              select id from mail_outbox_due where next_attempt_at <= now()
              order by lane, next_attempt_at limit 20 for update skip locked
              """);
      var node = new tools.jackson.databind.ObjectMapper().readTree(plan).get(0).get("Plan");
      return node.path("Shared Hit Blocks").asLong() + node.path("Shared Read Blocks").asLong();
    } finally {
      st.execute("rollback");
    }
  }

  private static String value(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
