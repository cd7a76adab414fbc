package org.lectern.learning;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Feedback survey answers. An anonymous answer has no registration; {@code
 * learning_survey_responded} alone records who has answered (without a time), so one answer per
 * delegate is enforced without linking a person to their ratings.
 */
@Component
record SurveyRepository(JdbcClient jdbc) {

  static final String COMMENT = "learning.survey.comment";

  boolean anonymous(UUID programmeId) {
    return jdbc.sql("select anonymous from learning_survey_setting where programme_id = :p")
        .param("p", programmeId)
        .query(Boolean.class)
        .optional()
        .orElse(true);
  }

  void setAnonymous(UUID programmeId, boolean anonymous, Instant now) {
    jdbc.sql(
            """
            insert into learning_survey_setting (programme_id, anonymous, updated_at)
            values (:p, :a, :at)
            on conflict (programme_id) do update set anonymous = :a, updated_at = :at
            """)
        .param("p", programmeId)
        .param("a", anonymous)
        .param("at", Timestamp.from(now))
        .update();
  }

  /** Records that the delegate answered; false when they had already (the race's loser too). */
  boolean markResponded(UUID programmeId, UUID key, UUID registrationId) {
    return jdbc.sql(
                """
                insert into learning_survey_responded (programme_id, session_key, registration_id)
                values (:p, :k, :r) on conflict do nothing
                """)
            .param("p", programmeId)
            .param("k", key)
            .param("r", registrationId)
            .update()
        == 1;
  }

  boolean responded(UUID programmeId, UUID key, UUID registrationId) {
    return jdbc.sql(
            """
            select exists (select 1 from learning_survey_responded
              where programme_id = :p and session_key = :k and registration_id = :r)
            """)
        .param("p", programmeId)
        .param("k", key)
        .param("r", registrationId)
        .query(Boolean.class)
        .single();
  }

  void insert(
      UUID programmeId,
      UUID key,
      boolean finalSurvey,
      UUID registrationId,
      SurveyForm form,
      byte[] comment,
      LocalDate on) {
    jdbc.sql(
            """
            insert into learning_survey_answer (id, programme_id, session_key, final_survey,
              registration_id, satisfaction, relevance, speaker, comment_sealed, answered_on)
            values (:id, :p, :k, :f, :r, :s, :rel, :sp, :c, :on)
            """)
        .param("id", UUID.randomUUID())
        .param("p", programmeId)
        .param("k", key)
        .param("f", finalSurvey)
        .param("r", registrationId)
        .param("s", form.satisfaction())
        .param("rel", form.relevance())
        .param("sp", form.speaker())
        .param("c", comment)
        .param("on", Date.valueOf(on))
        .update();
  }

  boolean any(UUID programmeId) {
    return jdbc.sql(
            "select exists (select 1 from learning_survey_responded where programme_id = :p)")
        .param("p", programmeId)
        .query(Boolean.class)
        .single();
  }

  /** Ratings of one survey: count, means, how many rated satisfaction/relevance 4 or 5. */
  record Summary(
      UUID key,
      int answers,
      double satisfaction,
      double relevance,
      Double speaker,
      int satisfied,
      int relevant) {}

  List<Summary> summaries(UUID programmeId) {
    return jdbc.sql(
            """
            select session_key, count(*), avg(satisfaction)::float8, avg(relevance)::float8,
              avg(speaker)::float8, count(*) filter (where satisfaction >= 4),
              count(*) filter (where relevance >= 4)
            from learning_survey_answer where programme_id = :p group by session_key
            """)
        .param("p", programmeId)
        .query(
            (rs, i) -> {
              double speaker = rs.getDouble(5);
              Double sp = rs.wasNull() ? null : speaker;
              return new Summary(
                  rs.getObject(1, UUID.class),
                  rs.getInt(2),
                  rs.getDouble(3),
                  rs.getDouble(4),
                  sp,
                  rs.getInt(6),
                  rs.getInt(7));
            })
        .list();
  }

  /** The sealed comments of one survey, in no particular order (never by time). */
  List<byte[]> comments(UUID programmeId, UUID key) {
    return jdbc.sql(
            """
            select comment_sealed from learning_survey_answer
            where programme_id = :p and session_key = :k and comment_sealed is not null
            order by id
            """)
        .param("p", programmeId)
        .param("k", key)
        .query((rs, i) -> rs.getBytes(1))
        .list();
  }
}
