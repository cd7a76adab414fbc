package org.lectern.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Questions and their votes. */
@Repository
class QuestionRepository {

  private final JdbcClient jdbc;

  QuestionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a question; {@code authorId} is null for anonymous ones (nothing else is kept). */
  void insert(Question q, UUID authorId) {
    jdbc.sql(
            """
            insert into live_question (id, session_id, author_id, author_name, body, status, created_at)
            values (:id, :s, :a, :n, :b, :st, :at)
            """)
        .param("id", q.id())
        .param("s", q.sessionId())
        .param("a", authorId)
        .param("n", q.authorName())
        .param("b", q.body())
        .param("st", q.status().name())
        .param("at", Timestamp.from(q.createdAt()))
        .update();
  }

  Optional<Question> find(UUID sessionId, UUID id) {
    return jdbc.sql("select * from live_question where session_id = :s and id = :id")
        .param("s", sessionId)
        .param("id", id)
        .query(QuestionRepository::map)
        .optional();
  }

  void update(Question q) {
    jdbc.sql("update live_question set status = :st, pinned = :p where id = :id")
        .param("st", q.status().name())
        .param("p", q.pinned())
        .param("id", q.id())
        .update();
  }

  /** Adds the vote, or takes it back when it was there; returns the new count. */
  int toggleVote(UUID questionId, String voterKey) {
    int removed =
        jdbc.sql("delete from live_question_vote where question_id = :q and voter_key = :v")
            .param("q", questionId)
            .param("v", voterKey)
            .update();
    if (removed == 0) {
      jdbc.sql("insert into live_question_vote (question_id, voter_key) values (:q, :v)")
          .param("q", questionId)
          .param("v", voterKey)
          .update();
    }
    return jdbc.sql(
            """
            update live_question set votes = (select count(*) from live_question_vote
              where question_id = :q) where id = :q returning votes
            """)
        .param("q", questionId)
        .query(Integer.class)
        .single();
  }

  List<UUID> votedBy(UUID sessionId, String voterKey) {
    return jdbc.sql(
            """
            select v.question_id from live_question_vote v join live_question q on q.id = v.question_id
            where q.session_id = :s and v.voter_key = :v
            """)
        .param("s", sessionId)
        .param("v", voterKey)
        .query(UUID.class)
        .list();
  }

  /** The queue, pinned first, then by votes or by time. */
  List<Question> of(UUID sessionId, boolean byVotes) {
    String order = byVotes ? "votes desc, created_at" : "created_at desc";
    return jdbc.sql(
            "select * from live_question where session_id = :s order by pinned desc, " + order)
        .param("s", sessionId)
        .query(QuestionRepository::map)
        .list();
  }

  static Question map(ResultSet rs, int row) throws SQLException {
    return new Question(
        rs.getObject("id", UUID.class),
        rs.getObject("session_id", UUID.class),
        rs.getString("author_name"),
        rs.getString("body"),
        QuestionStatus.valueOf(rs.getString("status")),
        rs.getBoolean("pinned"),
        rs.getInt("votes"),
        rs.getTimestamp("created_at").toInstant());
  }
}
