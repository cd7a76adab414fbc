package org.lectern.attendance.results;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.lectern.attendance.CompletionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The completion rule of each programme; {@link CompletionRule#DEFAULT} until one is saved. */
@Component
public record CompletionRuleRepository(JdbcClient jdbc, Clock clock) {

  public CompletionRule of(UUID programmeId) {
    return jdbc.sql(
            "select min_percent, min_sessions from attendance_completion_rule"
                + " where programme_id = :p")
        .param("p", programmeId)
        .query((rs, i) -> new CompletionRule(rs.getInt(1), rs.getInt(2)))
        .optional()
        .orElse(CompletionRule.DEFAULT);
  }

  public void save(UUID programmeId, CompletionRule rule) {
    jdbc.sql(
            """
            insert into attendance_completion_rule (programme_id, min_percent, min_sessions,
              updated_at) values (:p, :pct, :n, :at)
            on conflict (programme_id) do update set min_percent = excluded.min_percent,
              min_sessions = excluded.min_sessions, updated_at = excluded.updated_at
            """)
        .param("p", programmeId)
        .param("pct", rule.minPercent())
        .param("n", rule.minSessions())
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }
}
