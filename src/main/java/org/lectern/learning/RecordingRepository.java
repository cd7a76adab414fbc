package org.lectern.learning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Recordings, their quiz questions, personal links, openings and catch-up attempts. */
@Component
record RecordingRepository(JdbcClient jdbc) {

  Optional<Recording> find(UUID sessionId) {
    return jdbc.sql(
            """
            select session_id, programme_id, url, available_from, available_until, access
            from learning_recording where session_id = :s
            """)
        .param("s", sessionId)
        .query(
            (rs, i) ->
                new Recording(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5).toInstant(),
                    RecordingAccess.valueOf(rs.getString(6))))
        .optional();
  }

  List<Recording> ofProgramme(UUID programmeId) {
    return jdbc
        .sql("select session_id from learning_recording where programme_id = :p")
        .param("p", programmeId)
        .query(UUID.class)
        .list()
        .stream()
        .map(s -> find(s).orElseThrow())
        .toList();
  }

  void save(UUID programmeId, UUID sessionId, RecordingForm f, Instant now) {
    jdbc.sql(
            """
            insert into learning_recording (session_id, programme_id, url, available_from,
              available_until, access, updated_at)
            values (:s, :p, :u, :f, :t, :a, :at)
            on conflict (session_id) do update set url = :u, available_from = :f,
              available_until = :t, access = :a, updated_at = :at
            """)
        .param("s", sessionId)
        .param("p", programmeId)
        .param("u", f.url())
        .param("f", Timestamp.from(f.from()))
        .param("t", Timestamp.from(f.until()))
        .param("a", f.access().name())
        .param("at", Timestamp.from(now))
        .update();
  }

  List<Question> questions(UUID programmeId, UUID sessionId) {
    return jdbc.sql(
            """
            select id, position, kind, body::text, options::text, correct, explanation::text
            from learning_recording_question where session_id = :s order by position, created_at
            """)
        .param("s", sessionId)
        .query((rs, i) -> QuestionBankRepository.question(programmeId, rs))
        .list();
  }

  void addQuestion(UUID programmeId, UUID sessionId, QuestionForm q, Instant now) {
    jdbc.sql(
            """
            insert into learning_recording_question (id, session_id, programme_id, position, kind,
              body, options, correct, explanation, created_at)
            values (:id, :s, :p,
              (select coalesce(max(position), 0) + 1 from learning_recording_question
               where session_id = :s),
              :k, :b, :o, :c, :x, :at)
            """)
        .param("id", UUID.randomUUID())
        .param("s", sessionId)
        .param("p", programmeId)
        .params(QuestionBankRepository.questionColumns(q, now))
        .update();
  }

  boolean deleteQuestion(UUID sessionId, UUID questionId) {
    return jdbc.sql("delete from learning_recording_question where session_id = :s and id = :q")
            .param("s", sessionId)
            .param("q", questionId)
            .update()
        > 0;
  }

  boolean anyAttempt(UUID sessionId) {
    return jdbc.sql("select exists (select 1 from learning_catch_up where session_id = :s)")
        .param("s", sessionId)
        .query(Boolean.class)
        .single();
  }

  void rememberLink(String tokenHash, UUID registrationId, UUID sessionId, Instant now) {
    jdbc.sql(
            """
            insert into learning_recording_link (token_hash, registration_id, session_id, created_at)
            values (:h, :r, :s, :at) on conflict do nothing
            """)
        .param("h", tokenHash)
        .param("r", registrationId)
        .param("s", sessionId)
        .param("at", Timestamp.from(now))
        .update();
  }

  record Link(UUID registrationId, UUID sessionId) {}

  Optional<Link> resolve(String tokenHash) {
    return jdbc.sql(
            "select registration_id, session_id from learning_recording_link where token_hash = :h")
        .param("h", tokenHash)
        .query((rs, i) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .optional();
  }

  void view(UUID sessionId, UUID registrationId, Instant at, String agent, String address) {
    jdbc.sql(
            """
            insert into learning_recording_view (id, session_id, registration_id, at, agent_hash,
              address_hash) values (:id, :s, :r, :at, :a, :ip)
            """)
        .param("id", UUID.randomUUID())
        .param("s", sessionId)
        .param("r", registrationId)
        .param("at", Timestamp.from(at))
        .param("a", agent)
        .param("ip", address)
        .update();
  }

  /**
   * Delegates whose personal link was opened by more than one device (a different browser at a
   * different address): the link was probably passed on.
   */
  Map<UUID, Integer> sharedLinks(UUID sessionId) {
    Map<UUID, Integer> out = new HashMap<>();
    jdbc.sql(
            """
            select registration_id, count(distinct agent_hash), count(distinct address_hash)
            from learning_recording_view where session_id = :s group by registration_id
            """)
        .param("s", sessionId)
        .query(
            rs -> {
              int devices = Math.min(rs.getInt(2), rs.getInt(3));
              if (devices > 1) {
                out.put(rs.getObject(1, UUID.class), devices);
              }
            });
    return out;
  }

  boolean attended(UUID registrationId, UUID sessionId) {
    return jdbc.sql(
            """
            select exists (select 1 from attendance_result_facts
              where registration_id = :r and session_id = :s and minutes > 0)
            """)
        .param("r", registrationId)
        .param("s", sessionId)
        .query(Boolean.class)
        .single();
  }

  record Attempt(int score, int max, boolean passed) {}

  Optional<Attempt> attempt(UUID sessionId, UUID registrationId) {
    return jdbc.sql(
            """
            select score, max_score, passed from learning_catch_up
            where session_id = :s and registration_id = :r
            """)
        .param("s", sessionId)
        .param("r", registrationId)
        .query((rs, i) -> new Attempt(rs.getInt(1), rs.getInt(2), rs.getBoolean(3)))
        .optional();
  }

  /**
   * Stores an attempt unless one has passed already; false then (also for the loser of two submits
   * at once: the row lock orders them and the second sees the pass).
   */
  boolean storeAttempt(
      UUID programmeId, UUID sessionId, UUID registrationId, Attempt a, Instant now) {
    return jdbc.sql(
                """
                insert into learning_catch_up as c (session_id, registration_id, programme_id,
                  score, max_score, passed, submitted_at)
                values (:s, :r, :p, :score, :max, :passed, :at)
                on conflict (session_id, registration_id) do update set score = excluded.score,
                  max_score = excluded.max_score, passed = excluded.passed,
                  submitted_at = excluded.submitted_at
                where not c.passed
                """)
            .param("s", sessionId)
            .param("r", registrationId)
            .param("p", programmeId)
            .param("score", a.score())
            .param("max", a.max())
            .param("passed", a.passed())
            .param("at", Timestamp.from(now))
            .update()
        == 1;
  }

  /** Passed catch-ups of confirmed delegates: registration → sessions credited. */
  Map<UUID, Set<UUID>> credited(UUID programmeId) {
    Map<UUID, Set<UUID>> out = new HashMap<>();
    jdbc.sql(
            """
            select c.registration_id, c.session_id from learning_catch_up c
            join registration_facts r on r.id = c.registration_id
            where c.programme_id = :p and c.passed and r.status = 'CONFIRMED'
            """)
        .param("p", programmeId)
        .query(
            rs -> {
              out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                  .add(rs.getObject(2, UUID.class));
            });
    return out;
  }
}
