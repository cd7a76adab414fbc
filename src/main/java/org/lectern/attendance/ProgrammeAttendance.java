package org.lectern.attendance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.attendance.registrants.Registrant;
import org.lectern.attendance.registrants.RegistrantDirectory;
import org.lectern.attendance.results.CompletionRepository;
import org.lectern.attendance.results.CompletionRuleRepository;
import org.lectern.attendance.results.ResultService;
import org.lectern.attendance.results.SessionVersionRepository;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.SessionService;
import org.lectern.shared.database.Transactions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Attendance across a programme: who completed it under the programme's rule, and how many came to
 * each session. Certificates and reports ask here; the caller checks the organiser's rights.
 * Figures come from the stored results (ADR 0008), refreshed first when anything changed, so
 * callers must not hold a read-only transaction.
 */
@Service
public record ProgrammeAttendance(
    SessionVersionRepository versions,
    ProgrammeService programmes,
    SessionService sessions,
    RegistrantDirectory registrations,
    CompletionRuleRepository rules,
    ResultService results,
    CompletionRepository stored,
    ObjectProvider<CompletionCredit> credits,
    Transactions transactions) {

  /**
   * Per registration, the sessions that count only thanks to a credit (a recording watched and its
   * quiz passed), not by the minutes attended: shown as "by recording" wherever attendance is.
   */
  public Map<UUID, Set<UUID>> byRecording(UUID programmeId) {
    Map<UUID, Set<UUID>> out = new HashMap<>();
    credits
        .orderedStream()
        .forEach(
            c ->
                c.creditedSessions(programmeId)
                    .forEach(
                        (reg, ss) -> out.computeIfAbsent(reg, k -> new HashSet<>()).addAll(ss)));
    if (out.isEmpty()) {
      return out;
    }
    for (var r : stored.reached(programmeId, rules.of(programmeId).minPercent())) {
      var set = out.get(r.registrationId());
      if (set != null) {
        set.remove(r.sessionId());
      }
    }
    out.values().removeIf(Set::isEmpty);
    return out;
  }

  public CompletionRule ruleOf(UUID programmeId) {
    return rules.of(programmeId);
  }

  /** Sets the programme's completion rule; only someone who manages the programme may. */
  public void changeRule(LecternUser actor, UUID programmeId, CompletionRule rule) {
    transactions.run(
        () -> {
          programmes.manageable(actor, programmeId);
          rules.save(programmeId, rule);
        });
  }

  /**
   * Per active registration: sessions that count under the rule, minutes, completed or not, and
   * why. Read from the stored results, brought up to date first.
   */
  public List<Completion> completionOf(UUID programmeId) {
    return transactions.result(
        () -> {
          results.refresh(programmeId);
          CompletionRule rule = rules.of(programmeId);
          int sessionCount = sessions.publishedOfProgramme(programmeId).size();
          Map<UUID, Completion> completions = stored.completions(programmeId);
          List<Completion> out = new ArrayList<>();
          for (Registrant r : registrations.of(programmeId)) {
            if (r.active()) {
              out.add(
                  completions.getOrDefault(r.id(), rule.judge(r.id(), List.of(), sessionCount)));
            }
          }
          return out;
        });
  }

  /** A session's discussion tables closed: its results are recomputed with the time at tables. */
  public void tablesChanged(UUID sessionId) {
    transactions.run(() -> versions.touch(sessionId));
  }

  /**
   * Delegates present in one session: in all, online, in the room (someone may be both), how many
   * of them sat at a discussion table, and how many more are credited with it by recording (not
   * counted as present).
   */
  public record SessionFigures(
      UUID sessionId, int delegates, int online, int room, int tables, int byRecording) {

    public SessionFigures withByRecording(int count) {
      return new SessionFigures(sessionId, delegates, online, room, tables, count);
    }
  }

  /**
   * Per published session, how many delegates attended, online and in the room; empty when no
   * attendance was ever recorded for the programme (reports then say "no data yet", not zero).
   */
  public Optional<List<SessionFigures>> sessionFigures(UUID programmeId) {
    return transactions.result(
        () -> {
          results.refresh(programmeId);
          Map<UUID, Integer> credited = new HashMap<>();
          byRecording(programmeId)
              .values()
              .forEach(ss -> ss.forEach(s -> credited.merge(s, 1, Integer::sum)));
          if (!stored.anyRecorded(programmeId) && credited.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(
              stored.sessionFigures(programmeId).stream()
                  .map(f -> f.withByRecording(credited.getOrDefault(f.sessionId(), 0)))
                  .toList());
        });
  }
}
