package org.lectern.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Retention settings of organisations and programmes, and when programmes were anonymised. */
@Component
record RetentionRepository(
    JdbcClient jdbc, @Value("${lectern.retention.default-months:12}") int installationMonths) {

  private static final String PERIODS =
      """
      select p.id, p.organisation_id, pr.months as programme_months,
        orr.months as organisation_months, pr.anonymised_at,
        (select max(s.ends_at) from session_facts s where s.programme_id = p.id) as last_end
      from programme_facts p
      left join programme_retention pr on pr.programme_id = p.id
      left join organisation_retention orr on orr.organisation_id = p.organisation_id
      """;

  Optional<RetentionPeriod> period(UUID programmeId) {
    return jdbc.sql(PERIODS + " where p.id = :p")
        .param("p", programmeId)
        .query(this::map)
        .optional();
  }

  List<RetentionPeriod> periods(List<UUID> programmeIds) {
    if (programmeIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(PERIODS + " where p.id in (:ids)")
        .param("ids", programmeIds)
        .query(this::map)
        .list();
  }

  /** Programmes not yet anonymised whose last session ended before {@code endedBefore}. */
  List<RetentionPeriod> candidates(Instant endedBefore) {
    return jdbc.sql(
            "select * from ("
                + PERIODS
                + " where pr.anonymised_at is null) x where x.last_end < :t order by x.last_end")
        .param("t", Timestamp.from(endedBefore))
        .query(this::map)
        .list();
  }

  Optional<Integer> organisationMonths(UUID organisationId) {
    return jdbc.sql("select months from organisation_retention where organisation_id = :o")
        .param("o", organisationId)
        .query(Integer.class)
        .optional();
  }

  void setOrganisationMonths(UUID organisationId, int months, Instant now) {
    jdbc.sql(
            """
            insert into organisation_retention (organisation_id, months, updated_at)
            values (:o, :m, :t)
            on conflict (organisation_id) do update set months = :m, updated_at = :t
            """)
        .param("o", organisationId)
        .param("m", months)
        .param("t", Timestamp.from(now))
        .update();
  }

  void setProgrammeMonths(UUID programmeId, Integer months, Instant now) {
    jdbc.sql(
            """
            insert into programme_retention (programme_id, months, updated_at)
            values (:p, :m, :t)
            on conflict (programme_id) do update set months = :m, updated_at = :t
            """)
        .param("p", programmeId)
        .param("m", months)
        .param("t", Timestamp.from(now))
        .update();
  }

  /**
   * Claims the programme for anonymisation: true for exactly one caller, whose transaction holds
   * the row until it commits (a second node waits, then finds it taken).
   */
  boolean claim(UUID programmeId, Instant now) {
    return jdbc.sql(
                """
                insert into programme_retention (programme_id, anonymised_at, updated_at)
                values (:p, :t, :t)
                on conflict (programme_id) do update set anonymised_at = :t, updated_at = :t
                where programme_retention.anonymised_at is null
                """)
            .param("p", programmeId)
            .param("t", Timestamp.from(now))
            .update()
        == 1;
  }

  private RetentionPeriod map(ResultSet rs, int i) throws SQLException {
    Timestamp end = rs.getTimestamp("last_end");
    Timestamp anonymised = rs.getTimestamp("anonymised_at");
    return new RetentionPeriod(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        (Integer) rs.getObject("programme_months"),
        (Integer) rs.getObject("organisation_months"),
        installationMonths,
        end == null ? null : end.toInstant(),
        anonymised == null ? null : anonymised.toInstant());
  }
}
