package org.lectern.learning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Submitted test attempts and their answers. */
@Component
record AttemptRepository(JdbcClient jdbc) {

  /** A stored attempt: its score out of the maximum, and whether it reached the pass mark. */
  record Attempt(
      UUID id,
      UUID registrationId,
      TestKind kind,
      int score,
      int maxScore,
      boolean passed,
      Instant submittedAt) {

    double percent() {
      return 100.0 * score / maxScore;
    }
  }

  /**
   * Stores the attempt unless the delegate already has one of this kind; the unique key decides
   * between two submits racing, so exactly one is stored. Empty when one existed.
   */
  Optional<UUID> insert(
      UUID programmeId,
      UUID registrationId,
      TestKind kind,
      int score,
      int max,
      boolean passed,
      Instant now) {
    return jdbc.sql(
            """
            insert into learning_attempt (id, programme_id, registration_id, kind, score,
              max_score, passed, submitted_at)
            values (:id, :p, :r, :k, :s, :m, :ok, :at)
            on conflict (programme_id, registration_id, kind) do nothing
            returning id
            """)
        .param("id", UUID.randomUUID())
        .param("p", programmeId)
        .param("r", registrationId)
        .param("k", kind.name())
        .param("s", score)
        .param("m", max)
        .param("ok", passed)
        .param("at", Timestamp.from(now))
        .query(UUID.class)
        .optional();
  }

  void answer(UUID attemptId, UUID questionId, Set<Integer> chosen, boolean correct) {
    jdbc.sql(
            """
            insert into learning_answer (attempt_id, question_id, chosen, correct)
            values (:a, :q, :c, :ok)
            """)
        .param("a", attemptId)
        .param("q", questionId)
        .param("c", chosen.toArray(Integer[]::new))
        .param("ok", correct)
        .update();
  }

  Optional<Attempt> find(UUID programmeId, UUID registrationId, TestKind kind) {
    return jdbc.sql(
            """
            select id, registration_id, kind, score, max_score, passed, submitted_at
            from learning_attempt where programme_id = :p and registration_id = :r and kind = :k
            """)
        .param("p", programmeId)
        .param("r", registrationId)
        .param("k", kind.name())
        .query(this::attempt)
        .optional();
  }

  List<Attempt> ofProgramme(UUID programmeId) {
    return jdbc.sql(
            """
            select id, registration_id, kind, score, max_score, passed, submitted_at
            from learning_attempt where programme_id = :p order by submitted_at
            """)
        .param("p", programmeId)
        .query(this::attempt)
        .list();
  }

  /** Per question and test kind: answers, and how many were right. */
  record Difficulty(UUID questionId, TestKind kind, int answered, int right) {}

  List<Difficulty> difficulty(UUID programmeId) {
    return jdbc.sql(
            """
            select a.question_id, t.kind, count(*), count(*) filter (where a.correct)
            from learning_answer a join learning_attempt t on t.id = a.attempt_id
            where t.programme_id = :p group by a.question_id, t.kind
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new Difficulty(
                    rs.getObject(1, UUID.class),
                    TestKind.valueOf(rs.getString(2)),
                    rs.getInt(3),
                    rs.getInt(4)))
        .list();
  }

  /** The answers of one attempt: chosen option numbers by question. */
  Map<UUID, List<Integer>> answers(UUID attemptId) {
    Map<UUID, List<Integer>> out = new java.util.LinkedHashMap<>();
    jdbc.sql("select question_id, chosen from learning_answer where attempt_id = :a")
        .param("a", attemptId)
        .query(
            (rs, i) ->
                out.put(rs.getObject(1, UUID.class), QuestionBankRepository.ints(rs.getArray(2))))
        .list();
    return out;
  }

  boolean any(UUID programmeId) {
    return jdbc.sql("select exists (select 1 from learning_attempt where programme_id = :p)")
        .param("p", programmeId)
        .query(Boolean.class)
        .single();
  }

  private Attempt attempt(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Attempt(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        TestKind.valueOf(rs.getString(3)),
        rs.getInt(4),
        rs.getInt(5),
        rs.getBoolean(6),
        rs.getTimestamp(7).toInstant());
  }
}
