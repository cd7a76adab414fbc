package org.lectern.support;

import java.util.List;
import org.springframework.dao.PessimisticLockingFailureException;
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
    // The application's background workers (outbox, registration mail notes, schedulers) read these
    // tables while a test starts; TRUNCATE takes every table's exclusive lock one by one, so
    // PostgreSQL may pick it as a deadlock's victim. It is then rolled back whole: try again.
    for (int attempt = 1; ; attempt++) {
      try {
        jdbc.sql("truncate " + String.join(", ", tables) + " cascade").update();
        return;
      } catch (PessimisticLockingFailureException e) {
        if (attempt == 5) {
          throw e;
        }
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
