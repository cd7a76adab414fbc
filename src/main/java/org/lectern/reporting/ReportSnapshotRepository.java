package org.lectern.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.database.AdvisoryLocks;
import org.lectern.shared.database.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Published snapshots, each with the funder's report as JSON. */
@Repository
class ReportSnapshotRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COLUMNS = "id, programme_id, published_at, note";

  private final JdbcClient jdbc;

  ReportSnapshotRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Serialises publishing per programme, so each snapshot is checked against all before it. */
  void lock(UUID programmeId) {
    AdvisoryLocks.untilCommit(jdbc, programmeId.toString(), 7010);
  }

  void insert(ReportSnapshot s, UUID publishedBy, PublishedReport report) {
    jdbc.sql(
            """
            insert into report_snapshot (id, programme_id, published_at, published_by, note, report)
            values (:id, :p, :at, :by, :note, :report)
            """)
        .param("id", s.id())
        .param("p", s.programmeId())
        .param("at", java.sql.Timestamp.from(s.publishedAt()))
        .param("by", publishedBy)
        .param("note", s.note())
        .param("report", Json.jsonb(JSON.writeValueAsString(report)))
        .update();
  }

  /** Oldest first. */
  List<ReportSnapshot> list(UUID programmeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from report_snapshot where programme_id = :p order by published_at, id")
        .param("p", programmeId)
        .query(ReportSnapshotRepository::snapshot)
        .list();
  }

  Optional<ReportSnapshot.Full> find(UUID programmeId, UUID id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", report::text as report from report_snapshot where programme_id = :p and id = :id")
        .param("p", programmeId)
        .param("id", id)
        .query(ReportSnapshotRepository::full)
        .optional();
  }

  Optional<ReportSnapshot.Full> latest(UUID programmeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", report::text as report from report_snapshot where programme_id = :p"
                + " order by published_at desc, id desc limit 1")
        .param("p", programmeId)
        .query(ReportSnapshotRepository::full)
        .optional();
  }

  Optional<ReportSnapshot> last(UUID programmeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from report_snapshot where programme_id = :p"
                + " order by published_at desc, id desc limit 1")
        .param("p", programmeId)
        .query(ReportSnapshotRepository::snapshot)
        .optional();
  }

  /** Every report published for the programme, oldest first. */
  List<PublishedReport> reports(UUID programmeId) {
    return jdbc.sql(
            "select report::text from report_snapshot where programme_id = :p"
                + " order by published_at, id")
        .param("p", programmeId)
        .query((rs, i) -> JSON.readValue(rs.getString(1), PublishedReport.class))
        .list();
  }

  private static ReportSnapshot snapshot(ResultSet rs, int i) throws SQLException {
    return new ReportSnapshot(
        rs.getObject("id", UUID.class),
        rs.getObject("programme_id", UUID.class),
        rs.getTimestamp("published_at").toInstant(),
        rs.getString("note"));
  }

  private static ReportSnapshot.Full full(ResultSet rs, int i) throws SQLException {
    return new ReportSnapshot.Full(
        snapshot(rs, i), JSON.readValue(rs.getString("report"), PublishedReport.class));
  }

  static Instant now() {
    // Microseconds, as PostgreSQL keeps them, so that the stored and returned instants agree.
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
