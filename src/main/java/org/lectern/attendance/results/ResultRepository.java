package org.lectern.attendance.results;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lectern.shared.database.AdvisoryLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored results of sessions and programmes (ADR 0008): every statement on their tables. */
@Component
record ResultRepository(JdbcClient jdbc) {

  /** A published session whose results were never computed, or from another version or times. */
  record StaleSession(UUID id, Instant startsAt, Instant endsAt, long version) {}

  /** One delegate's result in one session. */
  record SessionResult(
      UUID registrationId, int minutes, int percent, boolean online, boolean room, boolean table) {}

  /** Serialises the computation of one programme's results until the transaction ends. */
  void lockProgramme(UUID programmeId) {
    AdvisoryLocks.untilCommit(jdbc, programmeId.toString(), 8);
  }

  void saveFingerprint(UUID programmeId, String fingerprint, Instant at) {
    jdbc.sql(
            """
            insert into attendance_programme_state (programme_id, fingerprint, computed_at)
            values (:p, :f, :at)
            on conflict (programme_id) do update set fingerprint = excluded.fingerprint,
              computed_at = excluded.computed_at
            """)
        .param("p", programmeId)
        .param("f", fingerprint)
        .param("at", Timestamp.from(at))
        .update();
  }

  /**
   * Programmes with a session whose attendance changed since its results were computed: normally
   * none, since the background listener refreshes after each change; left over when a listener
   * failed or the node stopped in between.
   */
  List<UUID> programmesWithStaleSessions() {
    return jdbc.sql(
            """
            select distinct s.programme_id from attendance_session_state v
            join session_facts s on s.id = v.session_id
            where s.status = 'PUBLISHED' and v.computed_version is distinct from v.version
            """)
        .query(UUID.class)
        .list();
  }

  /** Times and versions of the published sessions, in one string. */
  String publishedSessionsState(UUID programmeId) {
    return jdbc.sql(
            """
            select coalesce(string_agg(s.id::text || '@' || s.starts_at::text || '/'
              || s.ends_at::text || '#' || coalesce(v.version, 0), ',' order by s.id), '')
            from session_facts s left join attendance_session_state v on v.session_id = s.id
            where s.programme_id = :p and s.status = 'PUBLISHED'
            """)
        .param("p", programmeId)
        .query(String.class)
        .single();
  }

  String storedFingerprint(UUID programmeId) {
    return jdbc.sql("select fingerprint from attendance_programme_state where programme_id = :p")
        .param("p", programmeId)
        .query(String.class)
        .optional()
        .orElse("");
  }

  List<StaleSession> staleSessions(UUID programmeId) {
    return jdbc.sql(
            """
            select s.id, s.starts_at, s.ends_at, coalesce(v.version, 0) as version
            from session_facts s left join attendance_session_state v on v.session_id = s.id
            where s.programme_id = :p and s.status = 'PUBLISHED'
              and (v.session_id is null or v.computed_version is distinct from v.version
                   or v.computed_starts_at is distinct from s.starts_at
                   or v.computed_ends_at is distinct from s.ends_at)
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new StaleSession(
                    rs.getObject("id", UUID.class),
                    rs.getTimestamp("starts_at").toInstant(),
                    rs.getTimestamp("ends_at").toInstant(),
                    rs.getLong("version")))
        .list();
  }

  /**
   * Replaces the session's results with these (only what changed is written: a re-import that moves
   * a few people rewrites a few rows) and records the version and times they were computed from,
   * with the session's counts.
   */
  void saveSession(UUID programmeId, StaleSession s, List<SessionResult> results) {
    jdbc.sql(
            """
            with x as (
              select * from unnest(:r::uuid[], :m::int[], :pct::int[], :o::boolean[],
                :rm::boolean[], :t::boolean[]) as x(r, m, pct, o, rm, t)
              where x.r in (select id from registration_facts where programme_id = :p)),
            gone as (
              delete from attendance_result a where a.session_id = :s
                and not exists (select 1 from x where x.r = a.registration_id))
            insert into attendance_result as a (session_id, registration_id, programme_id, minutes,
              percent, online, room, at_table)
            select :s, x.r, :p, x.m, x.pct, x.o, x.rm, x.t from x
            on conflict (session_id, registration_id) do update set minutes = excluded.minutes,
              percent = excluded.percent, online = excluded.online, room = excluded.room,
              at_table = excluded.at_table
            where (a.minutes, a.percent, a.online, a.room, a.at_table)
              is distinct from (excluded.minutes, excluded.percent, excluded.online, excluded.room,
                excluded.at_table)
            """)
        .param("s", s.id())
        .param("p", programmeId)
        .param("r", results.stream().map(SessionResult::registrationId).toArray(UUID[]::new))
        .param("m", results.stream().map(SessionResult::minutes).toArray(Integer[]::new))
        .param("pct", results.stream().map(SessionResult::percent).toArray(Integer[]::new))
        .param("o", results.stream().map(SessionResult::online).toArray(Boolean[]::new))
        .param("rm", results.stream().map(SessionResult::room).toArray(Boolean[]::new))
        .param("t", results.stream().map(SessionResult::table).toArray(Boolean[]::new))
        .update();
    jdbc.sql(
            """
            insert into attendance_session_state as v (session_id, version, computed_version,
              computed_starts_at, computed_ends_at, delegates, online, room, tables)
            select :s, :ver, :ver, :from, :to, count(*) filter (where minutes > 0),
                   count(*) filter (where online), count(*) filter (where room),
                   count(*) filter (where at_table)
            from attendance_result where session_id = :s
            on conflict (session_id) do update set computed_version = excluded.computed_version,
              computed_starts_at = excluded.computed_starts_at,
              computed_ends_at = excluded.computed_ends_at, delegates = excluded.delegates,
              online = excluded.online, room = excluded.room, tables = excluded.tables
            """)
        .param("s", s.id())
        .param("ver", s.version())
        .param("from", Timestamp.from(s.startsAt()))
        .param("to", Timestamp.from(s.endsAt()))
        .update();
  }

  List<UUID> confirmedRegistrations(UUID programmeId) {
    return jdbc.sql(
            "select id from registration_facts where programme_id = :p and status = 'CONFIRMED'")
        .param("p", programmeId)
        .query(UUID.class)
        .list();
  }

  int publishedSessions(UUID programmeId) {
    return jdbc.sql(
            "select count(*) from session_facts where programme_id = :p and status = 'PUBLISHED'")
        .param("p", programmeId)
        .query(Integer.class)
        .single();
  }

  /**
   * {@link org.lectern.attendance.CompletionRule#judge} for every registration with results in the
   * published sessions or a credit, done by PostgreSQL over the stored rows: a session counts when
   * its percent reaches the rule's minimum or it is credited; completed when the counted sessions
   * reach the required number of a programme that has sessions. Only changed rows are written.
   * ReportAttendanceIT checks the outcome against hand-worked figures.
   */
  void saveCompletion(
      UUID programmeId,
      List<UUID> creditRegs,
      List<UUID> creditSessions,
      int minPercent,
      int required,
      int sessions) {
    jdbc.sql(
            """
            with pub as (
              select id from session_facts where programme_id = :p and status = 'PUBLISHED'),
            cr as (
              select distinct reg, sid from unnest(:cr::uuid[], :cs::uuid[]) as x(reg, sid)
              where sid in (select id from pub)
                and reg in (select id from registration_facts where programme_id = :p)),
            res as (
              select a.registration_id, a.session_id, a.minutes, a.percent
              from attendance_result a where a.programme_id = :p
                and a.session_id in (select id from pub)
                and a.registration_id in (select id from registration_facts where programme_id = :p)),
            per as (
              select coalesce(res.registration_id, cr.reg) as reg,
                     count(*) filter (where coalesce(res.minutes, 0) > 0) as attended,
                     count(*) filter (where coalesce(res.percent, 0) >= :min or cr.reg is not null)
                       as counted,
                     coalesce(sum(res.minutes), 0) as minutes
              from res full join cr on cr.reg = res.registration_id and cr.sid = res.session_id
              group by 1),
            gone as (
              delete from attendance_completion_result c where c.programme_id = :p
                and not exists (select 1 from per where per.reg = c.registration_id))
            insert into attendance_completion_result as c (registration_id, programme_id,
              sessions_attended, sessions_counted, sessions_required, minutes, completed)
            select reg, :p, attended, counted, :required, minutes,
                   :sessions > 0 and counted >= :required
            from per
            on conflict (registration_id) do update set
              sessions_attended = excluded.sessions_attended,
              sessions_counted = excluded.sessions_counted,
              sessions_required = excluded.sessions_required, minutes = excluded.minutes,
              completed = excluded.completed
            where (c.sessions_attended, c.sessions_counted, c.sessions_required, c.minutes,
                   c.completed)
              is distinct from (excluded.sessions_attended, excluded.sessions_counted,
                   excluded.sessions_required, excluded.minutes, excluded.completed)
            """)
        .param("p", programmeId)
        .param("cr", creditRegs.toArray(UUID[]::new))
        .param("cs", creditSessions.toArray(UUID[]::new))
        .param("min", minPercent)
        .param("required", required)
        .param("sessions", sessions)
        .update();
  }
}
