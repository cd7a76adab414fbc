package org.lectern.reporting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.attendance.ProgrammeAttendance;
import org.springframework.stereotype.Component;

/** Session figures from the attendance feature, brought up to date by it when anything changed. */
@Component
class ProgrammeAttendanceFigures implements AttendanceFigures {

  private final ProgrammeAttendance attendance;

  ProgrammeAttendanceFigures(ProgrammeAttendance attendance) {
    this.attendance = attendance;
  }

  @Override
  public Optional<List<AttendanceSummary.SessionCount>> sessions(UUID programmeId) {
    return attendance
        .sessionFigures(programmeId)
        .map(
            list ->
                list.stream()
                    .map(
                        s ->
                            new AttendanceSummary.SessionCount(
                                s.sessionId(), s.delegates(), s.online(), s.room()))
                    .toList());
  }
}
