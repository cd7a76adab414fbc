package org.lectern.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.reference.Region;
import org.lectern.reference.Regions;
import org.lectern.registration.Vocabulary;
import org.lectern.reporting.Breakdown;
import org.lectern.reporting.Cell;
import org.lectern.reporting.LearningFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report's learning figures from stored attempts and survey answers of confirmed delegates,
 * broken down by the clear gender and region columns of their registrations. An anonymous survey
 * answer has no registration: it counts under "unknown" in the breakdowns. Follow-up answers count
 * as answered, and as used in practice when either question (used it, cited it) was yes.
 */
@Component
class SqlLearningFigures implements LearningFigures {

  static final String UNKNOWN = "unknown";
  static final int AGREE = 4;

  private final JdbcClient jdbc;
  private final Regions regions;

  SqlLearningFigures(JdbcClient jdbc, Regions regions) {
    this.jdbc = jdbc;
    this.regions = regions;
  }

  /** One counted person (or anonymous answer): attributes and the counts they are in. */
  private record Person(String gender, String region, Set<String> in) {}

  @Override
  public Optional<LearningSummary> of(UUID programmeId) {
    List<Person> people = new ArrayList<>();
    double[] sums = {0, 0};
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
              Set<String> in = new java.util.HashSet<>();
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
                sums[0] += pre;
                sums[1] += post;
                if (post > pre) {
                  in.add("improved");
                }
              }
              people.add(new Person(rs.getString("gender"), rs.getString("region"), in));
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
              Set<String> in = new java.util.HashSet<>();
              in.add("surveyed");
              if (rs.getInt("satisfaction") >= AGREE) {
                in.add("satisfied");
              }
              if (rs.getInt("relevance") >= AGREE) {
                in.add("relevant");
              }
              people.add(new Person(rs.getString("gender"), rs.getString("region"), in));
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
              Set<String> in = new java.util.HashSet<>();
              in.add("followUpAnswered");
              if (rs.getBoolean("used")) {
                in.add("usedInPractice");
              }
              people.add(new Person(rs.getString("gender"), rs.getString("region"), in));
            });
    if (people.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    COUNTS.forEach(k -> counts.put(k, 0));
    people.forEach(p -> p.in().forEach(k -> counts.merge(k, 1, Integer::sum)));
    int paired = counts.get("paired");
    Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
    for (String k : BROKEN_DOWN) {
      for (String dim : DIMENSIONS) {
        breakdowns.put(k + "." + dim, breakdown(k, dim, people));
      }
    }
    return Optional.of(
        new LearningSummary(
            counts,
            paired == 0 ? null : sums[0] / paired,
            paired == 0 ? null : sums[1] / paired,
            breakdowns));
  }

  private Breakdown breakdown(String count, String dim, List<Person> people) {
    Map<String, Integer> n = new HashMap<>();
    int total = 0;
    for (Person p : people) {
      if (p.in().contains(count)) {
        String v = dim.equals("gender") ? p.gender() : p.region();
        n.merge(v == null ? UNKNOWN : v, 1, Integer::sum);
        total++;
      }
    }
    List<String> known = new ArrayList<>();
    if (dim.equals("gender")) {
      known.addAll(Vocabulary.GENDERS);
    } else {
      regions.all().stream().map(Region::code).forEach(known::add);
      known.add(Regions.OTHER);
    }
    List<Cell> cells = new ArrayList<>();
    known.forEach(v -> cells.add(new Cell(v, n.getOrDefault(v, 0))));
    n.keySet().stream()
        .filter(v -> !known.contains(v) && !v.equals(UNKNOWN))
        .sorted()
        .forEach(v -> cells.add(new Cell(v, n.get(v))));
    cells.add(new Cell(UNKNOWN, n.getOrDefault(UNKNOWN, 0)));
    return new Breakdown(dim, cells, total);
  }
}
