package org.lectern.attendance.join;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.attendance.join.JoinLinkService.Link;
import org.lectern.attendance.join.LinkSharing.Click;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Personal join links (by the hash of their token) and the clicks on them. */
@Component
record JoinLinkRepository(JdbcClient jdbc) {

  /** Remembers the link; nothing happens when it is already known. */
  void save(String tokenHash, UUID registrationId, UUID sessionId, Instant at) {
    jdbc.sql(
            """
            insert into attendance_join_link (token_hash, registration_id, session_id, created_at)
            values (:h, :r, :s, :at) on conflict do nothing
            """)
        .param("h", tokenHash)
        .param("r", registrationId)
        .param("s", sessionId)
        .param("at", Timestamp.from(at))
        .update();
  }

  Optional<Link> find(String tokenHash) {
    return jdbc.sql(
            "select registration_id, session_id from attendance_join_link where token_hash = :h")
        .param("h", tokenHash)
        .query((rs, i) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .optional();
  }

  void recordClick(
      UUID sessionId, UUID registrationId, Instant at, String agentHash, String addressHash) {
    jdbc.sql(
            """
            insert into attendance_join_click (id, session_id, registration_id, at, agent_hash,
              address_hash) values (:id, :s, :r, :at, :a, :ip)
            """)
        .param("id", UUID.randomUUID())
        .param("s", sessionId)
        .param("r", registrationId)
        .param("at", Timestamp.from(at))
        .param("a", agentHash)
        .param("ip", addressHash)
        .update();
  }

  /** The session's clicks between two instants, in order. */
  List<Click> clicks(UUID sessionId, Instant from, Instant to) {
    return jdbc.sql(
            """
            select registration_id, at, agent_hash, address_hash from attendance_join_click
            where session_id = :s and at between :from and :to order by at
            """)
        .param("s", sessionId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            (rs, i) ->
                new Click(
                    rs.getObject(1, UUID.class),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }
}
