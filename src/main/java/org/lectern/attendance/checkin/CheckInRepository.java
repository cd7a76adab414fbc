package org.lectern.attendance.checkin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.attendance.results.SessionVersionRepository;
import org.lectern.shared.database.AdvisoryLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In-room scans, idempotent by nonce: the door list's forms carry one made when they were shown.
 */
@Component
public record CheckInRepository(JdbcClient jdbc, SessionVersionRepository versions) {

  /** Records the scan; false when this nonce was already recorded (nothing changes). */
  boolean record(CheckIn c) {
    boolean recorded =
        jdbc.sql(
                    """
                insert into attendance_checkin (nonce, session_id, registration_id, kind, at)
                values (:n, :s, :r, :k, :at) on conflict (nonce) do nothing
                """)
                .param("n", c.nonce())
                .param("s", c.sessionId())
                .param("r", c.registrationId())
                .param("k", c.kind().name())
                .param("at", Timestamp.from(c.at()))
                .update()
            == 1;
    if (recorded) {
      versions.touch(c.sessionId());
    }
    return recorded;
  }

  public Map<UUID, List<CheckIn>> ofSession(UUID sessionId) {
    Map<UUID, List<CheckIn>> m = new LinkedHashMap<>();
    jdbc.sql(SELECT + " where session_id = :s order by at")
        .param("s", sessionId)
        .query(CheckInRepository::row)
        .list()
        .forEach(c -> m.computeIfAbsent(c.registrationId(), k -> new ArrayList<>()).add(c));
    return m;
  }

  /** One delegate's scans at one session, in order. */
  List<CheckIn> of(UUID sessionId, UUID registrationId) {
    return jdbc.sql(SELECT + " where session_id = :s and registration_id = :r order by at")
        .param("s", sessionId)
        .param("r", registrationId)
        .query(CheckInRepository::row)
        .list();
  }

  Optional<CheckIn> byNonce(UUID nonce) {
    return jdbc.sql(SELECT + " where nonce = :n")
        .param("n", nonce)
        .query(CheckInRepository::row)
        .optional();
  }

  /** Two door phones scanning the same person at once take turns; other people are not held up. */
  void lockDelegate(UUID sessionId, UUID registrationId) {
    AdvisoryLocks.untilCommit(jdbc, sessionId + ":" + registrationId, 9);
  }

  /** The registration whose check-in code has this digest. */
  Optional<UUID> codeOwner(String codeHash) {
    return jdbc.sql("select registration_id from attendance_checkin_code where code_hash = :h")
        .param("h", codeHash)
        .query(UUID.class)
        .optional();
  }

  /** Remembers a registration's check-in code; nothing happens when it is already known. */
  void saveCode(String codeHash, UUID registrationId, UUID programmeId, Instant at) {
    jdbc.sql(
            """
            insert into attendance_checkin_code (code_hash, registration_id, programme_id,
              created_at)
            values (:h, :r, :p, :at) on conflict do nothing
            """)
        .param("h", codeHash)
        .param("r", registrationId)
        .param("p", programmeId)
        .param("at", Timestamp.from(at))
        .update();
  }

  Optional<CheckInCodeService.Holder> codeHolder(String codeHash) {
    return jdbc.sql(
            "select registration_id, programme_id from attendance_checkin_code where code_hash = :h")
        .param("h", codeHash)
        .query(
            (rs, i) ->
                new CheckInCodeService.Holder(
                    rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .optional();
  }

  private static final String SELECT =
      "select nonce, session_id, registration_id, kind, at from attendance_checkin";

  private static CheckIn row(ResultSet rs, int i) throws SQLException {
    return new CheckIn(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        CheckIn.Kind.valueOf(rs.getString(4)),
        rs.getTimestamp(5).toInstant());
  }
}
