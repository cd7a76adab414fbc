package org.lectern.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Json;
import org.lectern.shared.database.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored stream of every room. Appending notifies all application nodes (PostgreSQL NOTIFY,
 * sent at commit, payload = event id) in the same transaction as the insert. Payloads may name
 * people or quote them (chat, questions, hands): they are stored encrypted; only reactions, which
 * are counted in SQL and hold nothing but their kind, stay readable.
 */
@Component
record EventLog(
    JdbcClient jdbc, PersonalDataCipher cipher, LiveKeys keys, Transactions transactions) {

  static final String CHANNEL = "live_event";

  static final String PAYLOAD = "live.event.payload";
  static final String CLEAR_TYPE = "reaction";

  /** Appends an event; the caller holds the room lock (see RoomRepository#lock). */
  long append(UUID sessionId, String type, Object payload) {
    return transactions.joined(
        () -> {
          String json = Json.write(payload);
          boolean clear = CLEAR_TYPE.equals(type);
          long id =
              jdbc.sql(
                      """
                insert into live_event (session_id, type, payload, sealed_payload)
                values (:s, :t, :p, :sealed) returning id
                """)
                  .param("s", sessionId)
                  .param("t", type)
                  .param("p", Json.jsonb(clear ? json : "{}"))
                  .param("sealed", clear ? null : keys.of(sessionId).encrypt(json, PAYLOAD))
                  .query(Long.class)
                  .single();
          jdbc.sql("select pg_notify('" + CHANNEL + "', :id)")
              .param("id", Long.toString(id))
              .query(rs -> {});
          return id;
        });
  }

  /** Events of a room after the given id, in order, at most {@code limit}. */
  List<LiveEvent> after(UUID sessionId, long afterId, int limit) {
    return jdbc.sql(
            "select * from live_event where session_id = :s and id > :a order by id limit :l")
        .param("s", sessionId)
        .param("a", afterId)
        .param("l", limit)
        .query(this::map)
        .list();
  }

  List<LiveEvent> byIds(List<Long> ids) {
    return jdbc.sql("select * from live_event where id in (:ids) order by id")
        .param("ids", ids)
        .query(this::map)
        .list();
  }

  long latest() {
    return jdbc.sql("select coalesce(max(id), 0) from live_event").query(Long.class).single();
  }

  long latest(UUID sessionId) {
    return jdbc.sql("select coalesce(max(id), 0) from live_event where session_id = :s")
        .param("s", sessionId)
        .query(Long.class)
        .single();
  }

  java.util.Map<String, Integer> reactions(UUID sessionId) {
    java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
    jdbc.sql(
            """
            select payload->>'kind' k, count(*) n from live_event
            where session_id = :s and type = 'reaction' group by 1 order by 1
            """)
        .param("s", sessionId)
        .query(
            rs -> {
              m.put(rs.getString("k"), rs.getInt("n"));
            });
    return m;
  }

  private LiveEvent map(ResultSet rs, int row) throws SQLException {
    byte[] sealed = rs.getBytes("sealed_payload");
    return new LiveEvent(
        rs.getLong("id"),
        rs.getObject("session_id", UUID.class),
        rs.getString("type"),
        sealed == null ? rs.getString("payload") : cipher.decrypt(sealed, PAYLOAD),
        rs.getTimestamp("created_at").toInstant());
  }
}
