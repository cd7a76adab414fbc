package org.lectern.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Attendance figures computed in PostgreSQL from the attendance feature's merged intervals
 * (attendance_participant, attendance_interval, attendance_completion_rule). Until that feature's
 * tables exist (its branch not merged yet) it answers "no data yet". Minutes are clipped to the
 * session; online and in-room time are added and capped at the session's length, which matches the
 * attendance feature except where both overlap (ADR 0006 notes; credits for recordings are not
 * counted here).
 */
@Component
class SqlAttendanceFigures implements AttendanceFigures {

  private static final String SQL =
      """
      with s as (
        select id, starts_at, ends_at, extract(epoch from ends_at - starts_at) as dur
        from session where programme_id = :p and status = 'PUBLISHED'),
      per as (
        select ap.registration_id as reg, ap.session_id as sid,
               least(sum(extract(epoch from least(i.ends_at, s.ends_at) - greatest(i.starts_at, s.starts_at))), max(s.dur))
                 * 100 / max(s.dur) as pct,
               bool_or(i.source = 'ONLINE') as online, bool_or(i.source = 'ROOM') as room
        from attendance_participant ap
        join s on s.id = ap.session_id
        join attendance_interval i on i.participant_id = ap.id
        where ap.registration_id is not null and i.ends_at > s.starts_at and i.starts_at < s.ends_at
        group by ap.registration_id, ap.session_id),
      regs as (
        select per.reg, count(*) filter (where per.pct >= :min) as counted
        from per join registration r on r.id = per.reg
        where r.programme_id = :p and r.status in ('CONFIRMED', 'WAITLISTED', 'PENDING')
        group by per.reg)
      select 'S' as kind, sid as id, count(*) filter (where online) as a, count(*) filter (where room) as b
        from per group by sid
      union all
      select 'A', null, count(*), 0 from regs
      union all
      select 'C', reg, counted, 0 from regs where counted >= :required and :required > 0
      """;

  private final JdbcClient jdbc;
  private volatile boolean present;

  SqlAttendanceFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<AttendanceSummary> of(UUID programmeId) {
    if (!tablesExist()) {
      return Optional.empty();
    }
    boolean any =
        jdbc.sql(
                """
                select exists(select 1 from attendance_participant ap join session s on s.id = ap.session_id
                              where s.programme_id = :p)
                """)
            .param("p", programmeId)
            .query(Boolean.class)
            .single();
    if (!any) {
      return Optional.empty();
    }
    int[] rule = rule(programmeId);
    int sessions =
        jdbc.sql("select count(*) from session where programme_id = :p and status = 'PUBLISHED'")
            .param("p", programmeId)
            .query(Integer.class)
            .single();
    int required = rule[1] == 0 ? sessions : Math.min(rule[1], sessions);
    List<AttendanceSummary.SessionCount> perSession = new ArrayList<>();
    List<UUID> completed = new ArrayList<>();
    int[] attended = {0};
    jdbc.sql(SQL)
        .param("p", programmeId)
        .param("min", rule[0])
        .param("required", required)
        .query(
            (rs, i) -> {
              switch (rs.getString("kind")) {
                case "S" ->
                    perSession.add(
                        new AttendanceSummary.SessionCount(
                            rs.getObject("id", UUID.class), rs.getInt("a"), rs.getInt("b")));
                case "A" -> attended[0] = rs.getInt("a");
                default -> completed.add(rs.getObject("id", UUID.class));
              }
              return null;
            })
        .list();
    return Optional.of(new AttendanceSummary(attended[0], completed.size(), completed, perSession));
  }

  private int[] rule(UUID programmeId) {
    return jdbc.sql(
            "select min_percent, min_sessions from attendance_completion_rule where programme_id = :p")
        .param("p", programmeId)
        .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)})
        .optional()
        .orElse(new int[] {75, 0});
  }

  private boolean tablesExist() {
    if (!present) {
      present =
          jdbc.sql(
                  "select to_regclass('public.attendance_interval') is not null"
                      + " and to_regclass('public.attendance_completion_rule') is not null")
              .query(Boolean.class)
              .single();
    }
    return present;
  }
}
