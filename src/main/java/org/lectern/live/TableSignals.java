package org.lectern.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Json;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * WebRTC signalling between the browsers of one table (ADR 0024): offer, answer and ICE candidates,
 * plus "hello" (I am here), "state" (muted, hand up) and "bye". A message is addressed to one
 * participant seated at the sender's table and reaches only that participant's streams: it is
 * stored sealed, announced to every node by NOTIFY (id and recipient only), written by the node
 * holding the recipient's stream as an SSE event without id, and swept after two minutes.
 */
@Component
record TableSignals(
    JdbcClient jdbc,
    PersonalDataCipher cipher,
    LiveKeys keys,
    TableTalk talk,
    TableRepository tables,
    LiveStream stream,
    SignalBudget budget,
    Transactions transactions) {

  static final String CHANNEL = "live_signal";
  static final String CONTEXT = "live.table.signal";
  static final Set<String> KINDS = Set.of("hello", "offer", "answer", "ice", "state", "bye");
  static final int DATA_MAX = 16_000;

  void send(Viewer v, UUID to, String kind, String data) {
    transactions.run(
        () -> {
          var at = talk.requirePlace(v);
          UUID from = v.participant().id();
          var problems = new InvalidInputException.Collector();
          problems.check(KINDS.contains(kind), "kind", "validation.choice");
          problems.check(
              data == null || data.length() <= DATA_MAX, "data", "live.text.tooLong", DATA_MAX);
          problems.throwIfAny();
          boolean sameTable =
              to != null
                  && !to.equals(from)
                  && tables
                      .tableOf(at.round().id(), to)
                      .filter(at.table().id()::equals)
                      .isPresent();
          if (!sameTable) {
            // Never to another table, never to someone who left it.
            throw InvalidInputException.of("to", "live.tables.notAtTable");
          }
          budget.spend(from);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("from", from);
          m.put("kind", kind);
          m.put("data", data == null ? "" : data);
          long id =
              jdbc.sql(
                      """
                insert into live_table_signal (session_id, table_id, recipient, payload_sealed)
                values (:s, :t, :r, :p) returning id
                """)
                  .param("s", v.session().id())
                  .param("t", at.table().id())
                  .param("r", to)
                  .param("p", keys.of(v.session().id()).encrypt(Json.write(m), CONTEXT))
                  .query(Long.class)
                  .single();
          jdbc.sql("select pg_notify('" + CHANNEL + "', :n)")
              .param("n", id + ":" + v.session().id() + ":" + to)
              .query(rs -> {});
        });
  }

  /** Delivers announced signals whose recipient has a stream on this node. */
  void announced(List<String> notes) {
    List<Long> ids = new ArrayList<>();
    for (String n : notes) {
      String[] parts = n.split(":");
      try {
        if (parts.length == 3 && stream.has(UUID.fromString(parts[1]), UUID.fromString(parts[2]))) {
          ids.add(Long.parseLong(parts[0]));
        }
      } catch (IllegalArgumentException ignored) {
        // not ours
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            "select session_id, recipient, payload_sealed from live_table_signal"
                + " where id in (:ids) order by id")
        .param("ids", ids)
        .query(
            rs -> {
              stream.direct(
                  rs.getObject("session_id", UUID.class),
                  rs.getObject("recipient", UUID.class),
                  "table.signal",
                  cipher.decrypt(rs.getBytes("payload_sealed"), CONTEXT));
            });
  }

  int sweep() {
    return jdbc.sql("delete from live_table_signal where created_at < now() - interval '2 minutes'")
        .update();
  }
}
