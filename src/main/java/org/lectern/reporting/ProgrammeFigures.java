package org.lectern.reporting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.programme.Programme;
import org.lectern.reporting.LearningFigures.LearningSummary;
import org.lectern.session.Session;

/**
 * The exact figures of one programme, before anything is hidden. Never shown to a funder as such:
 * {@link Publication} turns them into a {@link PublishedReport} for an audience.
 *
 * @param breakdowns confirmed delegates by region, gender, profession, years, language (every known
 *     value present, zeros included)
 * @param outside confirmed delegates from Kazakh regions other than the main centres
 */
record ProgrammeFigures(
    Programme programme,
    Map<String, Integer> byStatus,
    int invited,
    Map<String, Breakdown> breakdowns,
    List<String> mainCentres,
    int outside,
    List<Session> sessions,
    Optional<AttendanceSummary> attendance,
    Integer certified,
    Map<String, Breakdown> completedBreakdowns,
    Optional<LearningSummary> learning) {

  int registered() {
    return byStatus.values().stream().mapToInt(Integer::intValue).sum();
  }

  int confirmed() {
    return byStatus.getOrDefault("CONFIRMED", 0);
  }
}
