package org.lectern.certificate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Whether one registration completed a programme, by the programme's completion rule and effective
 * attendance, as the attendance module decides it.
 *
 * @param reasonCode a message key explaining the decision (e.g. {@code
 *     certificate.reason.attended})
 * @param reasonArgs its arguments (sessions attended, required, …), never personal data
 */
public record Completion(
    UUID registrationId,
    boolean completed,
    Duration attended,
    int sessionsAttended,
    String reasonCode,
    List<Object> reasonArgs) {

  public Completion {
    attended = attended == null ? Duration.ZERO : attended;
    reasonArgs = reasonArgs == null ? List.of() : List.copyOf(reasonArgs);
  }

  /** No attendance known for this registration. */
  public static Completion unknown(UUID registrationId) {
    return new Completion(
        registrationId, false, Duration.ZERO, 0, "certificate.reason.noAttendance", List.of());
  }
}
