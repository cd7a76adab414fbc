package org.lectern.learning;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.database.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Question banks and test settings, in explicit SQL. */
@Component
record QuestionBankRepository(JdbcClient jdbc) {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, List<String>>> OPTIONS =
      new TypeReference<>() {};

  Optional<TestSettings> settings(UUID programmeId) {
    return jdbc.sql(
            "select pass_mark, post_days, opened from learning_test where programme_id = :p")
        .param("p", programmeId)
        .query(
            (rs, i) -> new TestSettings(programmeId, rs.getInt(1), rs.getInt(2), rs.getBoolean(3)))
        .optional();
  }

  /** The settings row, locked for the rest of the transaction (created with defaults if absent). */
  TestSettings lockSettings(UUID programmeId, Instant now) {
    var d = TestSettings.defaults(programmeId);
    jdbc.sql(
            """
            insert into learning_test (programme_id, pass_mark, post_days, opened, updated_at)
            values (:p, :m, :d, false, :at) on conflict do nothing
            """)
        .param("p", programmeId)
        .param("m", d.passMark())
        .param("d", d.postDays())
        .param("at", Timestamp.from(now))
        .update();
    return jdbc.sql(
            "select pass_mark, post_days, opened from learning_test where programme_id = :p"
                + " for update")
        .param("p", programmeId)
        .query(
            (rs, i) -> new TestSettings(programmeId, rs.getInt(1), rs.getInt(2), rs.getBoolean(3)))
        .single();
  }

  void save(TestSettings s, Instant now) {
    jdbc.sql(
            """
            update learning_test set pass_mark = :m, post_days = :d, opened = :o, updated_at = :at
            where programme_id = :p
            """)
        .param("p", s.programmeId())
        .param("m", s.passMark())
        .param("d", s.postDays())
        .param("o", s.opened())
        .param("at", Timestamp.from(now))
        .update();
  }

  List<Question> questions(UUID programmeId) {
    return jdbc.sql(
            """
            select id, position, kind, body::text, options::text, correct, explanation::text
            from learning_question where programme_id = :p order by position, created_at
            """)
        .param("p", programmeId)
        .query((rs, i) -> question(programmeId, rs))
        .list();
  }

  int count(UUID programmeId) {
    return jdbc.sql("select count(*) from learning_question where programme_id = :p")
        .param("p", programmeId)
        .query(Integer.class)
        .single();
  }

  void add(UUID programmeId, QuestionForm q, Instant now) {
    jdbc.sql(
            """
            insert into learning_question (id, programme_id, position, kind, body, options, correct,
              explanation, created_at)
            values (:id, :p,
              (select coalesce(max(position), 0) + 1 from learning_question where programme_id = :p),
              :k, :b, :o, :c, :x, :at)
            """)
        .param("id", UUID.randomUUID())
        .param("p", programmeId)
        .params(questionColumns(q, now))
        .update();
  }

  /**
   * The columns a question has wherever it is kept (the programme's bank, a recording's quiz), as
   * named parameters {@code :k :b :o :c :x :at}.
   */
  static Map<String, Object> questionColumns(QuestionForm q, Instant now) {
    return Map.of(
        "k", q.kind().name(),
        "b", Json.jsonb(q.body()),
        "o", Json.jsonb(Json.write(q.options())),
        "c", q.correct().toArray(Integer[]::new),
        "x", Json.jsonb(q.explanation()),
        "at", Timestamp.from(now));
  }

  boolean delete(UUID programmeId, UUID questionId) {
    return jdbc.sql("delete from learning_question where programme_id = :p and id = :q")
            .param("p", programmeId)
            .param("q", questionId)
            .update()
        > 0;
  }

  static Question question(UUID programmeId, ResultSet rs) throws SQLException {
    Map<String, List<String>> options = MAPPER.readValue(rs.getString(5), OPTIONS);
    return new Question(
        rs.getObject(1, UUID.class),
        programmeId,
        rs.getInt(2),
        QuestionKind.valueOf(rs.getString(3)),
        Json.text(rs.getString(4)),
        options,
        ints(rs.getArray(6)),
        Json.text(rs.getString(7)));
  }

  static List<Integer> ints(Array a) throws SQLException {
    if (a == null) {
      return List.of();
    }
    return Arrays.stream((Integer[]) a.getArray()).toList();
  }
}
