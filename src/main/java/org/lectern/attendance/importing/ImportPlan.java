package org.lectern.attendance.importing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.lectern.attendance.report.EffectiveAttendance;
import org.lectern.attendance.report.ParsedReport;
import org.lectern.attendance.report.ReportedParticipant;
import org.lectern.session.Session;
import org.lectern.shared.error.InvalidInputException;

/**
 * What an import will record, before anything is stored: every person of the report with their
 * match and effective attendance. The preview shows it; confirming stores exactly it.
 */
public record ImportPlan(ParsedReport report, String contentHash, List<PlannedPerson> people) {

  public ImportPlan {
    people = List.copyOf(people);
  }

  static ImportPlan of(
      ParsedReport report,
      String contentHash,
      RegistrantIndex index,
      Decisions decisions,
      Session session) {
    List<PlannedPerson> people = new ArrayList<>();
    int i = 0;
    for (ReportedParticipant p : report.participants()) {
      Match m = index.match(p, decisions);
      people.add(planned(i++, p, m, session));
    }
    return new ImportPlan(report, contentHash, people);
  }

  private static PlannedPerson planned(int i, ReportedParticipant p, Match m, Session s) {
    if (p.intervals().isEmpty()) {
      long window = Duration.between(s.startsAt(), s.endsAt()).toMinutes();
      long minutes = Math.min(p.minutes(), window);
      return new PlannedPerson(i, p, m, minutes, (int) (minutes * 100 / Math.max(window, 1)));
    }
    var effective = EffectiveAttendance.of(p.intervals(), s.startsAt(), s.endsAt());
    return new PlannedPerson(i, p, m, effective.minutes(), effective.percent());
  }

  /** The plan with the organiser's answers applied; refuses registrations that are not offered. */
  ImportPlan resolve(Collection<Resolution> resolutions, RegistrantIndex index) {
    List<PlannedPerson> resolved = new ArrayList<>(people);
    var problems = new InvalidInputException.Collector();
    for (Resolution r : resolutions) {
      if (r.index() < 0 || r.index() >= people.size()) {
        continue;
      }
      Match m;
      if (r.registrationId().isEmpty()) {
        m = Match.notDelegate();
      } else if (index.find(r.registrationId().get()).isPresent()) {
        m = Match.matched(r.registrationId().get(), Match.Via.DECISION);
      } else {
        problems.add("choice." + r.index(), "attendance.review.unknownRegistration");
        continue;
      }
      resolved.set(r.index(), people.get(r.index()).withMatch(m));
    }
    problems.throwIfAny();
    return new ImportPlan(report, contentHash, resolved);
  }

  public long matched() {
    return people.stream().filter(p -> p.match().isMatched()).count();
  }

  public long unmatched() {
    return people.size() - matched();
  }

  public long needingDecision() {
    return people.stream().filter(p -> p.match().needsDecision()).count();
  }
}
