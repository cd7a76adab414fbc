package org.lectern.learning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each confirmed delegate of a programme did in its tests and surveys, for the report
 * (reporting counts and breaks these down). An anonymous survey answer has no registration: its
 * gender and region are null. Follow-up answers count as answered, and as used in practice when
 * either question (used it, cited it) was yes.
 */
@Component
public record LearningOutcomes(JdbcClient jdbc) {

  static final int AGREE = 4;

  /**
   * One counted person (or anonymous answer): the clear gender and region of the registration, the
   * pre- and post-test scores in per cent of the maximum (null without such a test), and the counts
   * they are in ({@code preTested}, {@code postTested}, {@code paired}, {@code improved}, {@code
   * passed}, {@code surveyed}, {@code satisfied}, {@code relevant}, {@code followUpAnswered},
   * {@code usedInPractice}).
   */
  public record Outcome(String gender, String region, Double pre, Double post, Set<String> in) {

    public Outcome {
      in = Set.copyOf(in);
    }
  }

  /** Test results, then final survey answers, then follow-up answers of the programme. */
  public List<Outcome> of(UUID programmeId) {
    List<Outcome> people = new ArrayList<>();
    jdbc.sql(
            """
            select r.gender, r.region,
              (max(a.score * 100.0 / a.max_score) filter (where a.kind = 'PRE'))::float8 as pre,
              (max(a.score * 100.0 / a.max_score) filter (where a.kind = 'POST'))::float8 as post,
              coalesce(bool_or(a.passed) filter (where a.kind = 'POST'), false) as passed
            from learning_attempt a join registration_facts r on r.id = a.registration_id
            where a.programme_id = :p and r.status = 'CONFIRMED'
            group by r.id, r.gender, r.region
            """)
        .param("p", programmeId)
        .query(
            rs -> {
              double preValue = rs.getDouble("pre");
              Double pre = rs.wasNull() ? null : preValue;
              double postValue = rs.getDouble("post");
              Double post = rs.wasNull() ? null : postValue;
              Set<String> in = new HashSet<>();
              if (pre != null) {
                in.add("preTested");
              }
              if (post != null) {
                in.add("postTested");
                if (rs.getBoolean("passed")) {
                  in.add("passed");
                }
              }
              if (pre != null && post != null) {
                in.add("paired");
                if (post > pre) {
                  in.add("improved");
                }
              }
              people.add(
                  new Outcome(rs.getString("gender"), rs.getString("region"), pre, post, in));
            });
    jdbc.sql(
            """
            select r.gender, r.region, s.satisfaction, s.relevance
            from learning_survey_answer s left join registration_facts r on r.id = s.registration_id
            where s.programme_id = :p and s.final_survey
              and (r.id is null or r.status = 'CONFIRMED')
            """)
        .param("p", programmeId)
        .query(
            rs -> {
              Set<String> in = new HashSet<>();
              in.add("surveyed");
              if (rs.getInt("satisfaction") >= AGREE) {
                in.add("satisfied");
              }
              if (rs.getInt("relevance") >= AGREE) {
                in.add("relevant");
              }
              people.add(
                  new Outcome(rs.getString("gender"), rs.getString("region"), null, null, in));
            });
    jdbc.sql(
            """
            select r.gender, r.region, (f.used or f.cited) as used
            from learning_follow_up_answer f left join registration_facts r on r.id = f.registration_id
            where f.programme_id = :p and (r.id is null or r.status = 'CONFIRMED')
            """)
        .param("p", programmeId)
        .query(
            rs -> {
              Set<String> in = new HashSet<>();
              in.add("followUpAnswered");
              if (rs.getBoolean("used")) {
                in.add("usedInPractice");
              }
              people.add(
                  new Outcome(rs.getString("gender"), rs.getString("region"), null, null, in));
            });
    return people;
  }
}
