package org.lectern.attendance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance across a programme: who completed it under the programme's rule. Certificates and
 * reports ask here; the caller checks the organiser's rights.
 */
@Service
public class ProgrammeAttendance {

  private final SessionService sessions;
  private final SessionAttendance attendance;
  private final RegistrationDirectory registrations;
  private final CompletionRules rules;
  private final ObjectProvider<CompletionCredit> credits;

  ProgrammeAttendance(
      SessionService sessions,
      SessionAttendance attendance,
      RegistrationDirectory registrations,
      CompletionRules rules,
      ObjectProvider<CompletionCredit> credits) {
    this.sessions = sessions;
    this.attendance = attendance;
    this.registrations = registrations;
    this.rules = rules;
    this.credits = credits;
  }

  public CompletionRule ruleOf(UUID programmeId) {
    return rules.of(programmeId);
  }

  /** Per active registration: sessions attended, minutes, completed or not, and why. */
  @Transactional(readOnly = true)
  public List<Completion> completionOf(UUID programmeId) {
    CompletionRule rule = rules.of(programmeId);
    List<Session> all = sessions.publishedOfProgramme(programmeId);
    Map<UUID, Map<UUID, Attendee>> bySession = new HashMap<>();
    for (Session s : all) {
      Map<UUID, Attendee> m = new HashMap<>();
      attendance.of(s).stream()
          .filter(Attendee::delegate)
          .forEach(a -> m.put(a.registrationId(), a));
      bySession.put(s.id(), m);
    }
    Map<UUID, Set<UUID>> credited = new HashMap<>();
    credits
        .orderedStream()
        .forEach(
            c ->
                c.creditedSessions(programmeId)
                    .forEach(
                        (reg, ss) ->
                            credited
                                .computeIfAbsent(reg, k -> new java.util.HashSet<>())
                                .addAll(ss)));
    List<Completion> out = new ArrayList<>();
    for (Registrant r : registrations.of(programmeId)) {
      if (!r.active()) {
        continue;
      }
      List<CompletionRule.SessionResult> results = new ArrayList<>();
      for (Session s : all) {
        Attendee a = bySession.get(s.id()).get(r.id());
        boolean credit = credited.getOrDefault(r.id(), Set.of()).contains(s.id());
        results.add(
            new CompletionRule.SessionResult(
                s.id(), a == null ? 0 : a.minutes(), a == null ? 0 : a.percent(), credit));
      }
      out.add(rule.judge(r.id(), results, all.size()));
    }
    return out;
  }
}
