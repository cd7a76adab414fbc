package org.lectern.reporting;

import java.util.Optional;
import java.util.UUID;
import org.lectern.attendance.ProgrammeAttendance;
import org.springframework.stereotype.Component;

/** Session figures from the attendance feature, brought up to date by it when anything changed. */
@Component
record ProgrammeAttendanceFigures(ProgrammeAttendance attendance) implements AttendanceFigures {

  @Override
  public Optional<Recorded> of(UUID programmeId) {
    return attendance
        .sessionFigures(programmeId)
        .map(
            list -> {
              var rule = attendance.ruleOf(programmeId);
              return new Recorded(
                  list.stream()
                      .map(
                          s ->
                              new AttendanceSummary.SessionCount(
                                  s.sessionId(),
                                  s.delegates(),
                                  s.online(),
                                  s.room(),
                                  s.tables(),
                                  s.byRecording()))
                      .toList(),
                  new AttendanceSummary.Rule(
                      rule.minPercent(), rule.required(list.size()), list.size()));
            });
  }
}
