package org.lectern.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Purge requests and what a purge needs to know about an organisation. */
@Component
record PurgeRepository(JdbcClient jdbc) {

  /** A request; {@code programmeId} null means the whole organisation. */
  record Request(
      UUID id,
      UUID organisationId,
      UUID programmeId,
      UUID requestedBy,
      Instant requestedAt,
      Instant expiresAt,
      String status,
      UUID decidedBy,
      Instant decidedAt,
      Integer programmes) {

    boolean pending(Instant now) {
      return "PENDING".equals(status) && expiresAt.isAfter(now);
    }
  }

  private static final String SELECT =
      "select id, organisation_id, programme_id, requested_by, requested_at, expires_at, status,"
          + " decided_by, decided_at, programmes from purge_request";

  /** Enabled accounts holding the ADMIN role in the organisation. */
  int administrators(UUID organisationId) {
    return jdbc.sql(
            """
            select count(*) from organisation_member_facts m
            where m.organisation_id = :o and m.role = 'ADMIN' and m.enabled
            """)
        .param("o", organisationId)
        .query(Integer.class)
        .single();
  }

  List<UUID> programmesOf(UUID organisationId) {
    return jdbc.sql("select id from programme_facts where organisation_id = :o order by created_at")
        .param("o", organisationId)
        .query(UUID.class)
        .list();
  }

  void insert(Request r) {
    jdbc.sql(
            """
            insert into purge_request (id, organisation_id, programme_id, requested_by,
              requested_at, expires_at, status, decided_by, decided_at)
            values (:id, :o, :p, :by, :at, :exp, :status, :decidedBy, :decidedAt)
            """)
        .param("status", r.status())
        .param("decidedBy", r.decidedBy())
        .param("decidedAt", r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()))
        .param("id", r.id())
        .param("o", r.organisationId())
        .param("p", r.programmeId())
        .param("by", r.requestedBy())
        .param("at", Timestamp.from(r.requestedAt()))
        .param("exp", Timestamp.from(r.expiresAt()))
        .update();
  }

  Optional<Request> find(UUID organisationId, UUID id) {
    return jdbc.sql(SELECT + " where id = :id and organisation_id = :o")
        .param("id", id)
        .param("o", organisationId)
        .query(PurgeRepository::map)
        .optional();
  }

  List<Request> recent(UUID organisationId) {
    return jdbc.sql(SELECT + " where organisation_id = :o order by requested_at desc limit 20")
        .param("o", organisationId)
        .query(PurgeRepository::map)
        .list();
  }

  /** Moves a pending, unexpired request on, once: false when someone else decided it first. */
  boolean decide(UUID id, String status, UUID decidedBy, Instant now) {
    return jdbc.sql(
                """
                update purge_request set status = :s, decided_by = :by, decided_at = :now
                where id = :id and status = 'PENDING' and expires_at > :now
                """)
            .param("s", status)
            .param("by", decidedBy)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update()
        == 1;
  }

  void done(UUID id, int programmes) {
    jdbc.sql("update purge_request set programmes = :n where id = :id")
        .param("n", programmes)
        .param("id", id)
        .update();
  }

  private static Request map(ResultSet rs, int i) throws SQLException {
    return new Request(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("programme_id", UUID.class),
        rs.getObject("requested_by", UUID.class),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        rs.getString("status"),
        rs.getObject("decided_by", UUID.class),
        rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
        (Integer) rs.getObject("programmes"));
  }
}
