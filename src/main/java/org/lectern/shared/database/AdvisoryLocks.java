package org.lectern.shared.database;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's transaction-scoped advisory locks, written out once: the lock is held until the
 * current transaction ends, so every node of an installation takes turns on the same key.
 *
 * <p>A lock named by text is taken on {@code hashtextextended(key, space)}: the space keeps the
 * users of one kind of key apart (a programme's results and a programme's report snapshots lock the
 * same programme id in different spaces). Keys and spaces are part of the contract between nodes: a
 * node of another version must derive the same number, or the two would no longer exclude each
 * other — so never change one in place.
 */
public final class AdvisoryLocks {

  private AdvisoryLocks() {}

  /**
   * Waits for, then holds until the transaction ends, the lock on {@code hashtextextended(key,
   * space)}. Call it inside a transaction (outside one, the lock would be released at once).
   */
  public static void untilCommit(JdbcClient jdbc, String key, long space) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, :space))")
        .param("key", key)
        .param("space", space)
        .query()
        .listOfRows();
  }

  /** Waits for, then holds until the transaction ends, the lock on this number. */
  public static void untilCommit(JdbcClient jdbc, long key) {
    jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", key).query().listOfRows();
  }
}
