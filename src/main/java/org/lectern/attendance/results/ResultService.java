package org.lectern.attendance.results;

import java.time.Clock;
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
import org.lectern.attendance.report.EffectiveAttendance;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.results.ResultRepository.SessionResult;
import org.lectern.attendance.results.ResultRepository.StaleSession;
import org.lectern.session.SessionService;
import org.lectern.shared.crypto.Sha256;
import org.lectern.shared.database.Transactions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Stored effective attendance (ADR 0008). A session's results — minutes and percent per delegate,
 * computed by {@link Presence} exactly as the attendance page does — are recomputed only when its
 * attendance changed (an import or a check-in raised its version) or its times moved; a programme's
 * completion results only when its rule, its published sessions or one of their results changed.
 * Reports and certificates then read small stored rows instead of merging every interval on every
 * request.
 *
 * <p>Writers only raise a version ({@link SessionVersionRepository}); the work happens on the next
 * read ({@link #refresh}), so a 10,000-row import or a check-in at the door stays fast and two
 * imports in a row are computed once.
 */
@Component
public record ResultService(
    ResultRepository repository,
    PresenceRepository recorded,
    CheckInRepository checkIns,
    CompletionRuleRepository rules,
    SessionService sessions,
    ObjectProvider<CompletionCredit> credits,
    ObjectProvider<TablePresence> tables,
    Clock clock,
    Transactions transactions) {

  /** Brings the stored results of the session's programme up to date (after a change to it). */
  void refreshOfSession(UUID sessionId) {
    sessions.programmeOf(sessionId).ifPresent(this::refresh);
  }

  /**
   * Brings the programme's stored results up to date. Cheap when nothing changed (two small
   * queries); concurrent callers for one programme compute once, the others wait and find it done.
   * Must not run inside a read-only transaction.
   */
  public void refresh(UUID programmeId) {
    transactions.run(
        () -> {
          CompletionRule rule = rules.of(programmeId);
          boolean credited = credits.orderedStream().findAny().isPresent();
          String fingerprint = fingerprint(programmeId, rule);
          if (!credited && fingerprint.equals(repository.storedFingerprint(programmeId))) {
            return;
          }
          repository.lockProgramme(programmeId);
          fingerprint = fingerprint(programmeId, rule);
          if (!credited && fingerprint.equals(repository.storedFingerprint(programmeId))) {
            return;
          }
          List<StaleSession> stale = repository.staleSessions(programmeId);
          if (!stale.isEmpty()) {
            var online = recorded.delegatePresence(stale.stream().map(StaleSession::id).toList());
            for (StaleSession s : stale) {
              computeSession(programmeId, s, online.get(s.id()));
            }
          }
          computeCompletion(programmeId, rule);
          repository.saveFingerprint(programmeId, fingerprint, clock.instant());
        });
  }

  /** Programmes with a session whose results are stale: see the repository. */
  List<UUID> programmesWithStaleSessions() {
    return repository.programmesWithStaleSessions();
  }

  /** Rule and published sessions (times, versions): what completion results depend on. */
  private String fingerprint(UUID programmeId, CompletionRule rule) {
    String sessions = repository.publishedSessionsState(programmeId);
    return sha256(rule.minPercent() + "/" + rule.minSessions() + "|" + sessions);
  }

  /**
   * One session: every registration found online (all its rows in the reports united) or in the
   * room, measured against the scheduled window. The version read before the data is recorded, so a
   * change committed meanwhile leaves the session stale for the next refresh.
   */
  private void computeSession(
      UUID programmeId, StaleSession s, Map<UUID, PresenceRepository.DelegatePresence> online) {
    Map<UUID, List<CheckIn>> scans = checkIns.ofSession(s.id());
    Set<UUID> delegates = new HashSet<>(online.keySet());
    delegates.addAll(scans.keySet());
    Map<UUID, List<Interval>> atTables = atTables(programmeId, s.id());
    delegates.addAll(atTables.keySet());
    List<SessionResult> results = new ArrayList<>();
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
      results.add(
          new SessionResult(
              reg,
              (int) all.minutes(),
              Math.min(100, all.percent()),
              wasOnline,
              wasInRoom,
              atTable));
    }
    repository.saveSession(programmeId, s, results);
  }

  /** Closed stretches at discussion tables of the programme's confirmed registrations. */
  private Map<UUID, List<Interval>> atTables(UUID programmeId, UUID sessionId) {
    if (tables.orderedStream().findAny().isEmpty()) {
      return Map.of();
    }
    List<UUID> regs = repository.confirmedRegistrations(programmeId);
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

  /** {@link CompletionRule#judge} for every registration, by PostgreSQL: see the repository. */
  private void computeCompletion(UUID programmeId, CompletionRule rule) {
    int sessions = repository.publishedSessions(programmeId);
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
    repository.saveCompletion(
        programmeId,
        creditRegs,
        creditSessions,
        rule.minPercent(),
        rule.required(sessions),
        sessions);
  }

  private static String sha256(String s) {
    return Sha256.hex(s);
  }
}
