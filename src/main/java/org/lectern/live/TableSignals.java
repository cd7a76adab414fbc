package org.lectern.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Json;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.limit.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * WebRTC signalling between the browsers of one table (ADR 0024): offer, answer and ICE candidates,
 * plus "hello" (I am here), "state" (muted, hand up) and "bye". A message is addressed to one
 * participant seated at the sender's table and reaches only that participant's streams: it is
 * stored sealed, announced to every node by NOTIFY (id and recipient only), written by the node
 * holding the recipient's stream as an SSE event without id, and swept after two minutes.
 */
@Component
class TableSignals {

  static final String CHANNEL = "live_signal";
  static final String CONTEXT = "live.table.signal";
  static final Set<String> KINDS = Set.of("hello", "offer", "answer", "ice", "state", "bye");
  static final int DATA_MAX = 16_000;
  static final int PER_MINUTE = 600;

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final LiveKeys keys;
  private final TableTalk talk;
  private final TableRepository tables;
  private final LiveStream stream;
  private final Map<UUID, long[]> budget = new ConcurrentHashMap<>();

  TableSignals(
      JdbcClient jdbc,
      PersonalDataCipher cipher,
      LiveKeys keys,
      TableTalk talk,
      TableRepository tables,
      LiveStream stream) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.keys = keys;
    this.talk = talk;
    this.tables = tables;
    this.stream = stream;
  }

  @Transactional
  void send(Viewer v, UUID to, String kind, String data) {
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
            && tables.tableOf(at.round().id(), to).filter(at.table().id()::equals).isPresent();
    if (!sameTable) {
      // Never to another table, never to someone who left it.
      throw InvalidInputException.of("to", "live.tables.notAtTable");
    }
    spend(from);
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

  /** A node-local budget: signalling is cheap but must not become a way to flood a table. */
  private void spend(UUID participant) {
    long minute = System.currentTimeMillis() / 60_000;
    long[] b =
        budget.compute(
            participant,
            (k, old) -> old == null || old[0] != minute ? new long[] {minute, 0} : old);
    synchronized (b) {
      if (++b[1] > PER_MINUTE) {
        throw new TooManyRequestsException("live.tooMany", Duration.ofSeconds(60));
      }
    }
    if (budget.size() > 50_000) {
      budget.entrySet().removeIf(e -> e.getValue()[0] != minute);
    }
  }

  int sweep() {
    return jdbc.sql("delete from live_table_signal where created_at < now() - interval '2 minutes'")
        .update();
  }
}
