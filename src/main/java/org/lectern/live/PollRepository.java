package org.lectern.live;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Polls, options and ballots. */
@Repository
class PollRepository {

  private final JdbcClient jdbc;

  PollRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Poll p) {
    jdbc.sql(
            """
            insert into live_poll (id, session_id, question, multiple, status, created_at)
            values (:id, :s, :q, :m, :st, :at)
            """)
        .param("id", p.id())
        .param("s", p.sessionId())
        .param("q", p.question())
        .param("m", p.multiple())
        .param("st", p.status().name())
        .param("at", Timestamp.from(p.createdAt()))
        .update();
    for (Poll.Option o : p.options()) {
      jdbc.sql(
              "insert into live_poll_option (id, poll_id, position, label) values (:id, :p, :pos, :l)")
          .param("id", o.id())
          .param("p", p.id())
          .param("pos", o.position())
          .param("l", o.label())
          .update();
    }
  }

  void updateStatus(Poll p) {
    jdbc.sql("update live_poll set status = :st where id = :id")
        .param("st", p.status().name())
        .param("id", p.id())
        .update();
  }

  Optional<Poll> find(UUID sessionId, UUID id) {
    return of(sessionId).stream().filter(p -> p.id().equals(id)).findFirst();
  }

  List<Poll> of(UUID sessionId) {
    Map<UUID, List<Poll.Option>> options = new LinkedHashMap<>();
    jdbc.sql(
            """
            select o.* from live_poll_option o join live_poll p on p.id = o.poll_id
            where p.session_id = :s order by o.position
            """)
        .param("s", sessionId)
        .query(
            rs -> {
              options
                  .computeIfAbsent(
                      rs.getObject("poll_id", UUID.class), k -> new java.util.ArrayList<>())
                  .add(
                      new Poll.Option(
                          rs.getObject("id", UUID.class),
                          rs.getInt("position"),
                          rs.getString("label")));
            });
    return jdbc.sql("select * from live_poll where session_id = :s order by created_at")
        .param("s", sessionId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Poll(
                  id,
                  sessionId,
                  rs.getString("question"),
                  rs.getBoolean("multiple"),
                  PollStatus.valueOf(rs.getString("status")),
                  List.copyOf(options.getOrDefault(id, List.of())),
                  rs.getTimestamp("created_at").toInstant());
            })
        .list();
  }

  /** Replaces the voter's ballot: a vote can be changed while the poll is open. */
  void vote(UUID pollId, String voterKey, Set<UUID> options) {
    jdbc.sql("delete from live_poll_vote where poll_id = :p and voter_key = :v")
        .param("p", pollId)
        .param("v", voterKey)
        .update();
    for (UUID o : options) {
      jdbc.sql("insert into live_poll_vote (poll_id, option_id, voter_key) values (:p, :o, :v)")
          .param("p", pollId)
          .param("o", o)
          .param("v", voterKey)
          .update();
    }
  }

  Set<UUID> ballot(UUID pollId, String voterKey) {
    return Set.copyOf(
        jdbc.sql("select option_id from live_poll_vote where poll_id = :p and voter_key = :v")
            .param("p", pollId)
            .param("v", voterKey)
            .query(UUID.class)
            .list());
  }

  /** Votes per option (every option, zero included), and the number of voters. */
  PollResults results(Poll poll) {
    Map<UUID, Integer> counts = new LinkedHashMap<>();
    poll.options().forEach(o -> counts.put(o.id(), 0));
    jdbc.sql(
            "select option_id, count(*) n from live_poll_vote where poll_id = :p group by option_id")
        .param("p", poll.id())
        .query(
            rs -> {
              counts.put(rs.getObject("option_id", UUID.class), rs.getInt("n"));
            });
    int voters =
        jdbc.sql("select count(distinct voter_key) from live_poll_vote where poll_id = :p")
            .param("p", poll.id())
            .query(Integer.class)
            .single();
    return new PollResults(poll, counts, voters);
  }
}
