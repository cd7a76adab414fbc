package org.lectern.attendance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.attendance.report.EffectiveAttendance;
import org.lectern.attendance.report.Interval;
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
 * <p>Writers only raise a version ({@link SessionVersions}); the work happens on the next read
 * ({@link #refresh}), so a 10,000-row import or a check-in at the door stays fast and two imports
 * in a row are computed once.
 */
@Component
class AttendanceResults {

  private final JdbcClient jdbc;
  private final AttendanceStore store;
  private final CheckIns checkIns;
  private final CompletionRules rules;
  private final ObjectProvider<CompletionCredit> credits;
  private final Clock clock;

  AttendanceResults(
      JdbcClient jdbc,
      AttendanceStore store,
      CheckIns checkIns,
      CompletionRules rules,
      ObjectProvider<CompletionCredit> credits,
      Clock clock) {
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
    for (StaleSession s : staleSessions(programmeId)) {
      computeSession(programmeId, s);
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
  private void computeSession(UUID programmeId, StaleSession s) {
    Map<UUID, AttendanceStore.DelegatePresence> online = store.delegatePresence(s.id());
    Map<UUID, List<CheckIn>> scans = checkIns.ofSession(s.id());
    Set<UUID> delegates = new HashSet<>(online.keySet());
    delegates.addAll(scans.keySet());
    List<UUID> regs = new ArrayList<>();
    List<Integer> minutes = new ArrayList<>();
    List<Integer> percents = new ArrayList<>();
    List<Boolean> onlineFlags = new ArrayList<>();
    List<Boolean> roomFlags = new ArrayList<>();
    for (UUID reg : delegates) {
      var o = online.get(reg);
      List<Interval> room = CheckIn.presence(scans.getOrDefault(reg, List.of()), s.endsAt());
      var presence =
          new Presence(
              o == null ? List.of() : o.online(), room, o == null ? null : o.reportedMinutes());
      EffectiveAttendance all = presence.effective(s.startsAt(), s.endsAt());
      boolean wasOnline =
          !presence.online().isEmpty()
              ? EffectiveAttendance.of(presence.online(), s.startsAt(), s.endsAt()).minutes() > 0
              : presence.room().isEmpty() && all.minutes() > 0;
      boolean wasInRoom =
          !presence.room().isEmpty()
              && EffectiveAttendance.of(presence.room(), s.startsAt(), s.endsAt()).minutes() > 0;
      regs.add(reg);
      minutes.add((int) all.minutes());
      percents.add(Math.min(100, all.percent()));
      onlineFlags.add(wasOnline);
      roomFlags.add(wasInRoom);
    }
    jdbc.sql("delete from attendance_result where session_id = :s").param("s", s.id()).update();
    jdbc.sql(
            """
                insert into attendance_result (session_id, registration_id, programme_id, minutes,
                  percent, online, room)
                select :s, x.r, :p, x.m, x.pct, x.o, x.rm
                from unnest(:r::uuid[], :m::int[], :pct::int[], :o::boolean[], :rm::boolean[])
                  as x(r, m, pct, o, rm)
                join registration g on g.id = x.r and g.programme_id = :p
                """)
        .param("s", s.id())
        .param("p", programmeId)
        .param("r", regs.toArray(UUID[]::new))
        .param("m", minutes.toArray(Integer[]::new))
        .param("pct", percents.toArray(Integer[]::new))
        .param("o", onlineFlags.toArray(Boolean[]::new))
        .param("rm", roomFlags.toArray(Boolean[]::new))
        .update();
    jdbc.sql(
            """
            insert into attendance_session_state as v (session_id, version, computed_version,
              computed_starts_at, computed_ends_at, delegates, online, room)
            select :s, :ver, :ver, :from, :to, count(*) filter (where minutes > 0),
                   count(*) filter (where online), count(*) filter (where room)
            from attendance_result where session_id = :s
            on conflict (session_id) do update set computed_version = excluded.computed_version,
              computed_starts_at = excluded.computed_starts_at,
              computed_ends_at = excluded.computed_ends_at, delegates = excluded.delegates,
              online = excluded.online, room = excluded.room
            """)
        .param("s", s.id())
        .param("ver", s.version())
        .param("from", Timestamp.from(s.startsAt()))
        .param("to", Timestamp.from(s.endsAt()))
        .update();
  }

  /** The rule applied to every registration with results in the published sessions, or credits. */
  private void computeCompletion(UUID programmeId, CompletionRule rule) {
    Map<UUID, List<CompletionRule.SessionResult>> results = new HashMap<>();
    int[] sessions = {0};
    jdbc.sql("select count(*) from session where programme_id = :p and status = 'PUBLISHED'")
        .param("p", programmeId)
        .query(Integer.class)
        .optional()
        .ifPresent(n -> sessions[0] = n);
    Map<UUID, Set<UUID>> credited = new HashMap<>();
    credits
        .orderedStream()
        .forEach(
            c ->
                c.creditedSessions(programmeId)
                    .forEach(
                        (reg, ss) ->
                            credited.computeIfAbsent(reg, k -> new HashSet<>()).addAll(ss)));
    jdbc.sql(
            """
            select r.registration_id, r.session_id, r.minutes, r.percent
            from attendance_result r join session s on s.id = r.session_id
            where r.programme_id = :p and s.status = 'PUBLISHED'
            """)
        .param("p", programmeId)
        .query(
            rs -> {
              UUID reg = rs.getObject(1, UUID.class);
              UUID sid = rs.getObject(2, UUID.class);
              results
                  .computeIfAbsent(reg, k -> new ArrayList<>())
                  .add(
                      new CompletionRule.SessionResult(
                          sid,
                          rs.getInt(3),
                          rs.getInt(4),
                          credited.getOrDefault(reg, Set.of()).contains(sid)));
            });
    credited.forEach(
        (reg, ss) -> {
          var list = results.computeIfAbsent(reg, k -> new ArrayList<>());
          for (UUID sid : ss) {
            if (list.stream().noneMatch(r -> r.sessionId().equals(sid))) {
              list.add(new CompletionRule.SessionResult(sid, 0, 0, true));
            }
          }
        });
    int n = results.size();
    UUID[] regs = new UUID[n];
    Integer[] attended = new Integer[n];
    Integer[] counted = new Integer[n];
    Integer[] required = new Integer[n];
    Long[] minutes = new Long[n];
    Boolean[] done = new Boolean[n];
    int i = 0;
    for (var e : results.entrySet()) {
      Completion c = rule.judge(e.getKey(), e.getValue(), sessions[0]);
      regs[i] = e.getKey();
      attended[i] = (int) e.getValue().stream().filter(r -> r.minutes() > 0).count();
      counted[i] = c.sessionsAttended();
      required[i] = c.sessionsRequired();
      minutes[i] = c.minutes();
      done[i] = c.completed();
      i++;
    }
    jdbc.sql("delete from attendance_completion_result where programme_id = :p")
        .param("p", programmeId)
        .update();
    jdbc.sql(
            """
            insert into attendance_completion_result (registration_id, programme_id,
              sessions_attended, sessions_counted, sessions_required, minutes, completed)
            select x.r, :p, x.a, x.c, x.q, x.m, x.d
            from unnest(:r::uuid[], :a::int[], :c::int[], :q::int[], :m::bigint[], :d::boolean[])
              as x(r, a, c, q, m, d)
            join registration g on g.id = x.r and g.programme_id = :p
            """)
        .param("p", programmeId)
        .param("r", regs)
        .param("a", attended)
        .param("c", counted)
        .param("q", required)
        .param("m", minutes)
        .param("d", done)
        .update();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
