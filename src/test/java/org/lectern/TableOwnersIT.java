package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lectern.support.IntegrationTest;

/**
 * The owners file names exactly the tables and views of the migrated database (Java migrations
 * included), each as what it is.
 */
class TableOwnersIT extends IntegrationTest {

  @Test
  void theOwnersFileListsEveryTableAndViewOfTheDatabase() {
    Map<String, Boolean> database = new TreeMap<>();
    jdbc.sql(
            """
            select table_name, table_type = 'VIEW' from information_schema.tables
            where table_schema = current_schema() and table_name <> 'flyway_schema_history'
            """)
        .query((rs, i) -> database.put(rs.getString(1), rs.getBoolean(2)))
        .list();
    Map<String, Boolean> listed = new TreeMap<>();
    TableOwnership.read().owned.values().forEach(r -> listed.put(r.name(), r.view()));
    assertThat(listed).isEqualTo(database);
  }
}
