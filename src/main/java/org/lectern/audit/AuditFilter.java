package org.lectern.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which audit entries to show: those of some organisations ({@code null}: every entry, for platform
 * administrators), optionally of one person, one action, one programme, a time range.
 */
public record AuditFilter(
    List<UUID> organisations,
    UUID actorId,
    String action,
    UUID programmeId,
    Instant from,
    Instant until) {

  static final String COLUMNS =
      "id, at, actor_id, actor_label, action, organisation_id, programme_id, subject_type,"
          + " subject_id, count, details";

  public AuditFilter(List<UUID> organisations) {
    this(organisations, null, null, null, null, null);
  }

  String where() {
    return (organisations == null ? "true" : "organisation_id in (:orgs)")
        + (actorId == null ? "" : " and actor_id = :actor")
        + (action == null ? "" : " and action = :action")
        + (programmeId == null ? "" : " and programme_id = :programme")
        + (from == null ? "" : " and at >= :from")
        + (until == null ? "" : " and at < :until");
  }

  JdbcClient.StatementSpec apply(JdbcClient.StatementSpec spec) {
    if (organisations != null) {
      // An empty list matches nothing (in () is not valid SQL).
      spec = spec.param("orgs", organisations.isEmpty() ? List.of(new UUID(0, 0)) : organisations);
    }
    if (actorId != null) {
      spec = spec.param("actor", actorId);
    }
    if (action != null) {
      spec = spec.param("action", action);
    }
    if (programmeId != null) {
      spec = spec.param("programme", programmeId);
    }
    if (from != null) {
      spec = spec.param("from", Timestamp.from(from));
    }
    if (until != null) {
      spec = spec.param("until", Timestamp.from(until));
    }
    return spec;
  }

  static AuditEntry entry(ResultSet rs, int i) throws SQLException {
    return new AuditEntry(
        rs.getObject("id", UUID.class),
        rs.getTimestamp("at").toInstant(),
        rs.getObject("actor_id", UUID.class),
        rs.getString("actor_label"),
        rs.getString("action"),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("programme_id", UUID.class),
        rs.getString("subject_type"),
        rs.getString("subject_id"),
        (Integer) rs.getObject("count"),
        rs.getString("details"));
  }
}
