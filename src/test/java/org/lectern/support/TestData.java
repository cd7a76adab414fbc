package org.lectern.support;

import java.sql.SQLException;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties every table that tests fill, keeping reference data and migrations. */
public final class TestData {

  private static final List<String> KEEP =
      List.of("flyway_schema_history", "iccpr_article", "scheduled_tasks", "event_publication");

  private TestData() {}

  public static void clean(JdbcClient jdbc) {
    List<String> tables =
        jdbc
            .sql("select tablename from pg_tables where schemaname = 'public' order by tablename")
            .query(String.class)
            .list()
            .stream()
            .filter(t -> !KEEP.contains(t))
            .toList();
    if (tables.isEmpty()) {
      return;
    }
    // Background workers (outbox, registration mail notes, schedulers) read these tables while a
    // test starts. A plain TRUNCATE takes each table's exclusive lock in turn and waits for it, so
    // a
    // worker holding one table and asking for another forms a deadlock; under load PostgreSQL chose
    // the TRUNCATE as the victim again and again. Here every lock is asked for without waiting
    // (NOWAIT) in one transaction: either all are held and the tables emptied, or the attempt fails
    // at once, lets go of everything (the worker goes on), and is tried again shortly.
    String list = String.join(", ", tables);
    String sql =
        "do $do$ begin lock table "
            + list
            + " in access exclusive mode nowait; truncate "
            + list
            + " cascade; end $do$";
    long deadline = System.nanoTime() + 60_000_000_000L;
    for (int attempt = 1; ; attempt++) {
      try {
        jdbc.sql(sql).update();
        return;
      } catch (DataAccessException e) {
        if (!lockRefused(e) || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(Math.min(20L * attempt, 200L));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Lock not available (55P03, NOWAIT) or chosen as a deadlock's victim (40P01). */
  private static boolean lockRefused(DataAccessException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
