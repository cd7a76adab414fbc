package org.lectern.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared advisory lock takes the very keys the repositories took when each wrote the statement
 * out (an integer literal as the space), so nodes of the old and the new version still exclude each
 * other; and another connection cannot take a held key.
 */
class AdvisoryLocksIT extends IntegrationTest {

  @Autowired Transactions transactions;
  @Autowired DataSource dataSource;

  /** The key of the advisory lock this transaction holds (one at a time in these tests). */
  private long heldKey() {
    return jdbc.sql(
            """
            select (classid::bigint << 32) | objid::bigint from pg_locks
            where locktype = 'advisory' and pid = pg_backend_pid() and objsubid = 1
            """)
        .query(Long.class)
        .single();
  }

  /** What the repositories' own statements locked: hashtextextended('key', literal). */
  private long literalKey(String key, int space) {
    return jdbc.sql("select hashtextextended('" + key + "', " + space + ")")
        .query(Long.class)
        .single();
  }

  private boolean otherConnectionGets(long key) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_try_advisory_xact_lock(" + key + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  @Test
  void aTextKeyLocksWhatTheWrittenOutStatementLocked() throws Exception {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    String[] keys = {a + ":" + b, a.toString(), a.toString(), "certificate:" + b};
    int[] spaces = {9, 8, 7010, 0};
    for (int i = 0; i < keys.length; i++) {
      String key = keys[i];
      int space = spaces[i];
      long expected = literalKey(key, space);
      long held =
          transactions.result(
              () -> {
                AdvisoryLocks.untilCommit(jdbc, key, space);
                long k = heldKey();
                try {
                  assertThat(otherConnectionGets(k)).isFalse();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return k;
              });
      assertThat(held).isEqualTo(expected);
      assertThat(otherConnectionGets(held)).isTrue();
    }
  }

  @Test
  void aNumberIsTheKeyItself() {
    long key = 0x4c45_4354_4155_4431L;
    long held =
        transactions.result(
            () -> {
              AdvisoryLocks.untilCommit(jdbc, key);
              return heldKey();
            });
    assertThat(held).isEqualTo(key);
  }
}
