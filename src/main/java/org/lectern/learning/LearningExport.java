package org.lectern.learning;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.privacy.PersonalDataExport;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A delegate's own knowledge-test results, for "everything Lectern holds about me". */
@Component
@Order(5)
class LearningExport implements PersonalDataExport {

  private final JdbcClient jdbc;

  LearningExport(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String section() {
    return "learning";
  }

  @Override
  public List<Map<String, Object>> export(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select registration_id, kind, score, max_score, passed, submitted_at
            from learning_attempt where registration_id in (:ids) order by submitted_at
            """)
        .param("ids", List.copyOf(ids))
        .query(
            (rs, i) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("registrationId", rs.getObject(1, UUID.class).toString());
              m.put("kind", rs.getString(2));
              m.put("score", rs.getInt(3));
              m.put("maxScore", rs.getInt(4));
              m.put("passed", rs.getBoolean(5));
              m.put("submittedAt", rs.getTimestamp(6).toInstant().toString());
              return m;
            })
        .list();
  }
}
