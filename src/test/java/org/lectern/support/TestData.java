package org.lectern.support;

import java.util.List;
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
    if (!tables.isEmpty()) {
      jdbc.sql("truncate " + String.join(", ", tables) + " cascade").update();
    }
  }
}
