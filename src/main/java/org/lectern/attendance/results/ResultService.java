package org.lectern.attendance.results;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.attendance.CompletionCredit;
import org.lectern.attendance.CompletionRule;
import org.lectern.attendance.TablePresence;
import org.lectern.attendance.checkin.CheckIn;
import org.lectern.attendance.checkin.CheckInRepository;
import org.lectern.attendance.importing.ImportRepository;
import org.lectern.attendance.report.EffectiveAttendance;
import org.lectern.attendance.report.Interval;
import org.lectern.shared.crypto.Sha256;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored effective attendance (ADR 0008). A session's results — minutes and percent per delegate,
 * computed by {@link Presence} exactly as the attendance page does — are recomputed only when its
 * attendance changed (an import or a check-in raised its version) or its times moved; a programme's
 * completion results only when its rule, its published sessions or one of their results changed.
 * Reports and certificates then read small stored rows instead of merging every interval on every
 * request.
 *
 * <p>Writers only raise a version ({@link SessionVersionRepository}); the work happens on the next read
 * ({@link #refresh}), so a 10,000-row import or a check-in at the door stays fast and two imports
 * in a row are computed once.
 */
@Component
public class ResultService {

  private final JdbcClient jdbc;
  private final ImportRepository store;
  private final CheckInRepository checkIns;
  private final CompletionRuleRepository rules;
  private final ObjectProvider<CompletionCredit> credits;
  private final ObjectProvider<TablePresence> tables;
  private final Clock clock;

  ResultService(
      JdbcClient jdbc,
      ImportRepository store,
      CheckInRepository checkIns,
      CompletionRuleRepository rules,
      ObjectProvider<CompletionCredit> credits,
      ObjectProvider<TablePresence> tables,
      Clock clock) {
    this.tables = tables;
    this.jdbc = jdbc;
    this.store = store;
    this.checkIns = checkIns;
    this.rules = rules;
    this.credits = credits;
    this.clock = clock;
  }

  /**
   * Brings the programme's stored results up to date. Cheap when nothing changed (two small
   * queries); concurrent callers for one programme compute once, the others wait and find it done.
   * Must not run inside a read-only transaction.
   */
  @Transactional
  public void refresh(UUID programmeId) {
    CompletionRule rule = rules.of(programmeId);
    boolean credited = credits.orderedStream().findAny().isPresent();
    String fingerprint = fingerprint(programmeId, rule);
    if (!credited && fingerprint.equals(storedFingerprint(programmeId))) {
      return;
    }
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:p, 8))")
        .param("p", programmeId.toString())
        .query()
        .listOfRows();
    fingerprint = fingerprint(programmeId, rule);
    if (!credited && fingerprint.equals(storedFingerprint(programmeId))) {
      return;
    }
    List<StaleSession> stale = staleSessions(programmeId);
    if (!stale.isEmpty()) {
      var presence = store.delegatePresence(stale.stream().map(StaleSession::id).toList());
      for (StaleSession s : stale) {
        computeSession(programmeId, s, presence.get(s.id()));
      }
    }
    computeCompletion(programmeId, rule);
    jdbc.sql(
            """
            insert into attendance_programme_state (programme_id, fingerprint, computed_at)
            values (:p, :f, :at)
            on conflict (programme_id) do update set fingerprint = excluded.fingerprint,
              computed_at = excluded.computed_at
            """)
        .param("p", programmeId)
        .param("f", fingerprint)
        .param("at", Timestamp.from(clock.instant()))
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
            join session s on s.id = v.session_id
            where s.status = 'PUBLISHED' and v.computed_version is distinct from v.version
            """)
        .query(UUID.class)
        .list();
  }

  /** Rule and published sessions (times, versions): what completion results depend on. */
  private String fingerprint(UUID programmeId, CompletionRule rule) {
    String sessions =
        jdbc.sql(
                """
                select coalesce(string_agg(s.id::text || '@' || s.starts_at::text || '/'
                  || s.ends_at::text || '#' || coalesce(v.version, 0), ',' order by s.id), '')
                from session s left join attendance_session_state v on v.session_id = s.id
                where s.programme_id = :p and s.status = 'PUBLISHED'
                """)
            .param("p", programmeId)
            .query(String.class)
            .single();
    return sha256(rule.minPercent() + "/" + rule.minSessions() + "|" + sessions);
  }

  private String storedFingerprint(UUID programmeId) {
    return jdbc.sql("select fingerprint from attendance_programme_state where programme_id = :p")
        .param("p", programmeId)
        .query(String.class)
        .optional()
        .orElse("");
  }

  private record StaleSession(UUID id, Instant startsAt, Instant endsAt, long version) {}

  /** Published sessions whose results were never computed, or from another version or times. */
  private List<StaleSession> staleSessions(UUID programmeId) {
    return jdbc.sql(
            """
            select s.id, s.starts_at, s.ends_at, coalesce(v.version, 0) as version
            from session s left join attendance_session_state v on v.session_id = s.id
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
   * One session: every registration found online (all its rows in the reports united) or in the
   * room, measured against the scheduled window. The version read before the data is recorded, so a
   * change committed meanwhile leaves the session stale for the next refresh.
   */
  private void computeSession(
      UUID programmeId, StaleSession s, Map<UUID, ImportRepository.DelegatePresence> online) {
    Map<UUID, List<CheckIn>> scans = checkIns.ofSession(s.id());
    Set<UUID> delegates = new HashSet<>(online.keySet());
    delegates.addAll(scans.keySet());
    Map<UUID, List<Interval>> atTables = atTables(programmeId, s.id());
    delegates.addAll(atTables.keySet());
    List<UUID> regs = new ArrayList<>();
    List<Integer> minutes = new ArrayList<>();
    List<Integer> percents = new ArrayList<>();
    List<Boolean> onlineFlags = new ArrayList<>();
    List<Boolean> roomFlags = new ArrayList<>();
    List<Boolean> tableFlags = new ArrayList<>();
    for (UUID reg : delegates) {
      var o = online.get(reg);
      List<Interval> room = CheckIn.presence(scans.getOrDefault(reg, List.of()), s.endsAt());
      var presence =
          new Presence(
              o == null ? List.of() : o.online(), room, o == null ? null : o.reportedMinutes());
      // Time at a discussion table counts as time in the session, without making anyone "online".
      List<Interval> table = atTables.getOrDefault(reg, List.of());
      List<Interval> withTables = new ArrayList<>(presence.online());
      withTables.addAll(table);
      EffectiveAttendance all =
          new Presence(withTables, presence.room(), presence.reportedMinutes())
              .effective(s.startsAt(), s.endsAt());
      boolean atTable =
          !table.isEmpty() && EffectiveAttendance.of(table, s.startsAt(), s.endsAt()).minutes() > 0;
      boolean wasOnline =
          !presence.online().isEmpty()
              ? EffectiveAttendance.of(presence.online(), s.startsAt(), s.endsAt()).minutes() > 0
              : presence.room().isEmpty()
                  && presence.effective(s.startsAt(), s.endsAt()).minutes() > 0;
      boolean wasInRoom =
          !presence.room().isEmpty()
              && EffectiveAttendance.of(presence.room(), s.startsAt(), s.endsAt()).minutes() > 0;
      regs.add(reg);
      minutes.add((int) all.minutes());
      percents.add(Math.min(100, all.percent()));
      onlineFlags.add(wasOnline);
      roomFlags.add(wasInRoom);
      tableFlags.add(atTable);
    }
    // Only what changed is written: a re-import that moves a few people rewrites a few rows.
    jdbc.sql(
            """
            with x as (
              select * from unnest(:r::uuid[], :m::int[], :pct::int[], :o::boolean[],
                :rm::boolean[], :t::boolean[]) as x(r, m, pct, o, rm, t)
              where x.r in (select id from registration where programme_id = :p)),
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
        .param("r", regs.toArray(UUID[]::new))
        .param("m", minutes.toArray(Integer[]::new))
        .param("pct", percents.toArray(Integer[]::new))
        .param("o", onlineFlags.toArray(Boolean[]::new))
        .param("rm", roomFlags.toArray(Boolean[]::new))
        .param("t", tableFlags.toArray(Boolean[]::new))
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

  /** Closed stretches at discussion tables of the programme's confirmed registrations. */
  private Map<UUID, List<Interval>> atTables(UUID programmeId, UUID sessionId) {
    if (tables.orderedStream().findAny().isEmpty()) {
      return Map.of();
    }
    List<UUID> regs =
        jdbc.sql("select id from registration where programme_id = :p and status = 'CONFIRMED'")
            .param("p", programmeId)
            .query(UUID.class)
            .list();
    Map<UUID, List<Interval>> out = new java.util.HashMap<>();
    tables
        .orderedStream()
        .forEach(
            t ->
                t.of(sessionId, regs)
                    .forEach(
                        (reg, list) ->
                            list.stream()
                                .filter(x -> !x.to().isBefore(x.from()))
                                .forEach(
                                    x ->
                                        out.computeIfAbsent(reg, k -> new ArrayList<>())
                                            .add(new Interval(x.from(), x.to())))));
    return out;
  }

  /**
   * {@link CompletionRule#judge} for every registration with results in the published sessions or a
   * credit, done by PostgreSQL over the stored rows: a session counts when its percent reaches the
   * rule's minimum or it is credited; completed when the counted sessions reach the required number
   * of a programme that has sessions. Only changed rows are written. ReportAttendanceIT checks the
   * outcome against hand-worked figures.
   */
  private void computeCompletion(UUID programmeId, CompletionRule rule) {
    int sessions =
        jdbc.sql("select count(*) from session where programme_id = :p and status = 'PUBLISHED'")
            .param("p", programmeId)
            .query(Integer.class)
            .single();
    List<UUID> creditRegs = new ArrayList<>();
    List<UUID> creditSessions = new ArrayList<>();
    credits
        .orderedStream()
        .forEach(
            c ->
                c.creditedSessions(programmeId)
                    .forEach(
                        (reg, ss) ->
                            ss.forEach(
                                sid -> {
                                  creditRegs.add(reg);
                                  creditSessions.add(sid);
                                })));
    jdbc.sql(
            """
            with pub as (
              select id from session where programme_id = :p and status = 'PUBLISHED'),
            cr as (
              select distinct reg, sid from unnest(:cr::uuid[], :cs::uuid[]) as x(reg, sid)
              where sid in (select id from pub)
                and reg in (select id from registration where programme_id = :p)),
            res as (
              select a.registration_id, a.session_id, a.minutes, a.percent
              from attendance_result a where a.programme_id = :p
                and a.session_id in (select id from pub)
                and a.registration_id in (select id from registration where programme_id = :p)),
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
        .param("min", rule.minPercent())
        .param("required", rule.required(sessions))
        .param("sessions", sessions)
        .update();
  }

  private static String sha256(String s) {
    return Sha256.hex(s);
  }
}
