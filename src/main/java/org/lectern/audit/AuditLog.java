package org.lectern.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of personal data. Writing joins the caller's transaction, so a listing that fails
 * leaves no entry and an entry is never lost for a listing that was shown.
 */
@Service
public class AuditLog {

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What is being recorded; details must not contain personal data. */
  public record Record(
      UUID actorId,
      String actorLabel,
      String action,
      UUID organisationId,
      String subjectType,
      String subjectId,
      Integer count,
      String details) {}

  @Transactional(propagation = Propagation.REQUIRED)
  public void record(Record r) {
    jdbc.sql(
            """
            insert into audit_entry (id, at, actor_id, actor_label, action, organisation_id,
              subject_type, subject_id, count, details)
            values (:id, :at, :actor, :label, :action, :org, :type, :subject, :count, :details)
            """)
        .param("id", UUID.randomUUID())
        .param("at", java.sql.Timestamp.from(clock.instant()))
        .param("actor", r.actorId())
        .param("label", r.actorLabel())
        .param("action", r.action())
        .param("org", r.organisationId())
        .param("type", r.subjectType())
        .param("subject", r.subjectId())
        .param("count", r.count())
        .param("details", r.details())
        .update();
  }

  public List<AuditEntry> recent(UUID organisationId, int limit, int offset) {
    return jdbc.sql(
            """
            select id, at, actor_id, actor_label, action, organisation_id, subject_type,
                   subject_id, count, details
            from audit_entry where (:org::uuid is null or organisation_id = :org)
            order by at desc, id limit :l offset :o
            """)
        .param("org", organisationId)
        .param("l", limit)
        .param("o", offset)
        .query(
            (rs, i) ->
                new AuditEntry(
                    rs.getObject("id", UUID.class),
                    rs.getTimestamp("at").toInstant(),
                    rs.getObject("actor_id", UUID.class),
                    rs.getString("actor_label"),
                    rs.getString("action"),
                    rs.getObject("organisation_id", UUID.class),
                    rs.getString("subject_type"),
                    rs.getString("subject_id"),
                    (Integer) rs.getObject("count"),
                    rs.getString("details")))
        .list();
  }
}
