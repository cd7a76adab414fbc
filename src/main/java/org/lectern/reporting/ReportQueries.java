package org.lectern.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregate SQL over the clear columns of registrations (region, gender, profession, years band,
 * language, status) and the attendance feature's stored outcome per registration. Reporting never
 * selects an encrypted column: no name or e-mail can reach a report because none is ever read. All
 * counting happens in PostgreSQL (GROUP BY), not in Java.
 */
@Repository
class ReportQueries {

  /** The breakdowns of a report, in the order they are shown. */
  static final List<String> DIMENSIONS =
      List.of("region", "gender", "profession", "years", "language");

  static final String UNKNOWN = "unknown";

  /**
   * Registrations counted by every combination of status, attributes and outcome, in one scan; Java
   * then adds the combinations up per attribute (a few thousand rows at most, however many
   * registrations). The outcome comes from the attendance feature's stored completion results (ADR
   * 0008), joined only when attendance was recorded.
   */
  private static final String POPULATION =
      """
      select r.status, r.region, r.gender, r.profession, r.years_band, r.language,
             %s, count(*) as n
      from registration_facts r %s
      where r.programme_id = :p
      group by 1, 2, 3, 4, 5, 6, 7, 8
      """;

  private static final String WITH_OUTCOME =
      "coalesce(c.sessions_attended, 0) > 0 as came, coalesce(c.completed, false) as done";
  private static final String NO_OUTCOME = "false as came, false as done";
  private static final String OUTCOME_JOIN =
      "left join attendance_completion_facts c on c.registration_id = r.id";

  /** The breakdowns shown for delegates who completed the programme. */
  static final List<String> COMPLETED_DIMENSIONS = List.of("gender", "region", "profession");

  /**
   * Registrations of a programme: counts by status; confirmed delegates by each attribute; of
   * those, how many attended at least one session and completed, and the completers by gender,
   * region and profession. A missing value counts as "unknown".
   */
  record Population(
      Map<String, Integer> byStatus,
      Map<String, Breakdown> confirmed,
      int attended,
      int completed,
      Map<String, Breakdown> completedBy) {}

  Population population(UUID programmeId, boolean withOutcome) {
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> confirmed = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> done = new LinkedHashMap<>();
    DIMENSIONS.forEach(d -> confirmed.put(d, new LinkedHashMap<>()));
    COMPLETED_DIMENSIONS.forEach(d -> done.put(d, new LinkedHashMap<>()));
    int[] outcome = {0, 0};
    jdbc.sql(
            POPULATION.formatted(
                withOutcome ? WITH_OUTCOME : NO_OUTCOME, withOutcome ? OUTCOME_JOIN : ""))
        .param("p", programmeId)
        .query(
            rs -> {
              int n = rs.getInt("n");
              String status = rs.getString("status");
              byStatus.merge(status, n, Integer::sum);
              if (!"CONFIRMED".equals(status)) {
                return;
              }
              Map<String, String> values =
                  Map.of(
                      "region", value(rs.getString("region")),
                      "gender", value(rs.getString("gender")),
                      "profession", value(rs.getString("profession")),
                      "years", value(rs.getString("years_band")),
                      "language", value(rs.getString("language")));
              values.forEach((d, v) -> confirmed.get(d).merge(v, n, Integer::sum));
              if (rs.getBoolean("came")) {
                outcome[0] += n;
              }
              if (rs.getBoolean("done")) {
                outcome[1] += n;
                done.forEach((d, cells) -> cells.merge(values.get(d), n, Integer::sum));
              }
            });
    return new Population(
        byStatus, breakdowns(confirmed), outcome[0], outcome[1], breakdowns(done));
  }

  private static String value(String v) {
    return v == null ? UNKNOWN : v;
  }

  private static Map<String, Breakdown> breakdowns(Map<String, Map<String, Integer>> counts) {
    Map<String, Breakdown> out = new LinkedHashMap<>();
    counts.forEach(
        (d, cells) -> {
          List<Cell> list = new ArrayList<>();
          cells.forEach((v, n) -> list.add(new Cell(v, n)));
          out.put(d, new Breakdown(d, list, list.stream().mapToInt(Cell::count).sum()));
        });
    return out;
  }

  private final JdbcClient jdbc;

  ReportQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  int invited(UUID programmeId) {
    return jdbc.sql("select count(*) from registration_invitation_facts where programme_id = :p")
        .param("p", programmeId)
        .query(Integer.class)
        .single();
  }

  /** Per programme of an organisation: registrations, delegates and delegates per region. */
  record ProgrammeReach(
      UUID programmeId, int registrations, int delegates, Map<String, Integer> regions) {}

  List<ProgrammeReach> reachOf(UUID organisationId) {
    Map<UUID, int[]> totals = new LinkedHashMap<>();
    Map<UUID, Map<String, Integer>> regions = new LinkedHashMap<>();
    jdbc.sql(
            """
            select p.id, count(r.id), count(r.id) filter (where r.status = 'CONFIRMED')
            from programme_facts p left join registration_facts r on r.programme_id = p.id
            where p.organisation_id = :o
            group by p.id, p.created_at order by min(coalesce(r.created_at, p.created_at)), p.created_at
            """)
        .param("o", organisationId)
        .query(
            (rs, i) -> {
              UUID id = rs.getObject(1, UUID.class);
              regions.put(id, new LinkedHashMap<>());
              return totals.put(id, new int[] {rs.getInt(2), rs.getInt(3)});
            })
        .list();
    jdbc.sql(
            """
            select r.programme_id, coalesce(r.region, 'unknown'), count(*)
            from registration_facts r join programme_facts p on p.id = r.programme_id
            where p.organisation_id = :o and r.status = 'CONFIRMED'
            group by r.programme_id, r.region
            """)
        .param("o", organisationId)
        .query(
            (rs, i) -> regions.get(rs.getObject(1, UUID.class)).put(rs.getString(2), rs.getInt(3)))
        .list();
    List<ProgrammeReach> out = new ArrayList<>();
    totals.forEach((id, t) -> out.add(new ProgrammeReach(id, t[0], t[1], regions.get(id))));
    return out;
  }
}
