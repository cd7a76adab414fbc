package org.lectern.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Questions and their votes; askers' names and questions are stored encrypted. */
@Repository
class QuestionRepository {

  static final String AUTHOR = "live.question.author";
  static final String BODY = "live.question.body";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final LiveKeys keys;

  QuestionRepository(JdbcClient jdbc, PersonalDataCipher cipher, LiveKeys keys) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.keys = keys;
  }

  /** Stores a question; {@code authorId} is null for anonymous ones (nothing else is kept). */
  void insert(Question q, UUID authorId) {
    jdbc.sql(
            """
            insert into live_question (id, session_id, author_id, author_name_sealed, body_sealed,
              status, created_at)
            values (:id, :s, :a, :n, :b, :st, :at)
            """)
        .param("id", q.id())
        .param("s", q.sessionId())
        .param("a", authorId)
        .param("n", keys.of(q.sessionId()).encrypt(q.authorName(), AUTHOR))
        .param("b", keys.of(q.sessionId()).encrypt(q.body(), BODY))
        .param("st", q.status().name())
        .param("at", Timestamp.from(q.createdAt()))
        .update();
  }

  Optional<Question> find(UUID sessionId, UUID id) {
    return jdbc.sql("select * from live_question where session_id = :s and id = :id")
        .param("s", sessionId)
        .param("id", id)
        .query(this::map)
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
        .query(this::map)
        .list();
  }

  private Question map(ResultSet rs, int row) throws SQLException {
    return new Question(
        rs.getObject("id", UUID.class),
        rs.getObject("session_id", UUID.class),
        LiveAtRest.open(cipher, rs, "author_name", AUTHOR),
        LiveAtRest.open(cipher, rs, "body", BODY),
        QuestionStatus.valueOf(rs.getString("status")),
        rs.getBoolean("pinned"),
        rs.getInt("votes"),
        rs.getTimestamp("created_at").toInstant());
  }
}
