package org.lectern.attendance.importing;

import org.lectern.attendance.report.ReportedParticipant;

/**
 * One person of a report as it will be recorded: their merged presence, how they match a
 * registration, and the attendance that results for the session.
 *
 * @param index position in the report, the handle the review form uses
 */
public record PlannedPerson(
    int index, ReportedParticipant participant, Match match, long minutes, int percent) {

  PlannedPerson withMatch(Match m) {
    return new PlannedPerson(index, participant, m, minutes, percent);
  }
}
