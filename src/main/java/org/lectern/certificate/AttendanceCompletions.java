package org.lectern.certificate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.lectern.attendance.ProgrammeAttendance;
import org.springframework.stereotype.Component;

/**
 * Completion from the attendance module: the programme's completion rule applied to effective
 * attendance. Its reason keys (attendance bundle) take sessions attended and required.
 */
@Component
record AttendanceCompletions(ProgrammeAttendance attendance) implements CompletionSource {

  @Override
  public List<Completion> of(UUID programmeId) {
    return attendance.completionOf(programmeId).stream()
        .map(
            c ->
                new Completion(
                    c.registrationId(),
                    c.completed(),
                    Duration.ofMinutes(c.minutes()),
                    c.sessionsAttended(),
                    c.reason(),
                    List.of(c.sessionsAttended(), c.sessionsRequired())))
        .toList();
  }
}
