package org.lectern.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregate SQL over the clear columns of registrations (region, gender, profession, years band,
 * language, status). Reporting never selects an encrypted column: no name or e-mail can reach a
 * report because none is ever read. All counting happens in PostgreSQL (GROUP BY), not in Java.
 */
@Repository
class ReportQueries {

  /** The breakdowns of a report, in the order they are shown. */
  static final List<String> DIMENSIONS =
      List.of("region", "gender", "profession", "years", "language");

  static final String UNKNOWN = "unknown";

  // One scan, five groupings: grouping() tells which attribute a row counts.
  private static final String BREAKDOWNS =
      """
      select case when grouping(region) = 0 then 'region'
                  when grouping(gender) = 0 then 'gender'
                  when grouping(profession) = 0 then 'profession'
                  when grouping(years_band) = 0 then 'years'
                  else 'language' end as dim,
             case when grouping(region) = 0 then region
                  when grouping(gender) = 0 then gender
                  when grouping(profession) = 0 then profession
                  when grouping(years_band) = 0 then years_band
                  else language end as val,
             count(*) as n
      from registration
      where programme_id = :p and status = 'CONFIRMED' %s
      group by grouping sets ((region), (gender), (profession), (years_band), (language))
      """;

  private final JdbcClient jdbc;

  ReportQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Integer> statusCounts(UUID programmeId) {
    Map<String, Integer> m = new LinkedHashMap<>();
    jdbc.sql("select status, count(*) from registration where programme_id = :p group by status")
        .param("p", programmeId)
        .query((rs, i) -> m.put(rs.getString(1), rs.getInt(2)))
        .list();
    return m;
  }

  int invited(UUID programmeId) {
    return jdbc.sql("select count(*) from registration_invitation where programme_id = :p")
        .param("p", programmeId)
        .query(Integer.class)
        .single();
  }

  /** Confirmed delegates split by each attribute; a missing value counts as "unknown". */
  Map<String, Breakdown> breakdowns(UUID programmeId) {
    return collect(jdbc.sql(BREAKDOWNS.formatted("")).param("p", programmeId), DIMENSIONS);
  }

  /** The same, restricted to some registrations (e.g. those who completed). */
  Map<String, Breakdown> breakdowns(UUID programmeId, Collection<UUID> registrations) {
    return collect(
        jdbc.sql(BREAKDOWNS.formatted("and id = any(:ids)"))
            .param("p", programmeId)
            .param("ids", registrations.toArray(UUID[]::new)),
        DIMENSIONS);
  }

  private static Map<String, Breakdown> collect(JdbcClient.StatementSpec sql, List<String> dims) {
    Map<String, List<Cell>> cells = new LinkedHashMap<>();
    dims.forEach(d -> cells.put(d, new ArrayList<>()));
    sql.query(
            (rs, i) -> {
              String v = rs.getString("val");
              return cells
                  .get(rs.getString("dim"))
                  .add(new Cell(v == null ? UNKNOWN : v, rs.getInt("n")));
            })
        .list();
    Map<String, Breakdown> out = new LinkedHashMap<>();
    cells.forEach(
        (d, list) -> out.put(d, new Breakdown(d, list, list.stream().mapToInt(Cell::count).sum())));
    return out;
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
            from programme p left join registration r on r.programme_id = p.id
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
            from registration r join programme p on p.id = r.programme_id
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
