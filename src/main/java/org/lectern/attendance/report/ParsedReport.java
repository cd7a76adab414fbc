package org.lectern.attendance.report;

import java.util.List;
import java.util.Optional;

/**
 * The attendance found in one uploaded file, independent of the product that wrote it.
 *
 * @param format stable code of the recognised layout, e.g. {@code zoom-meeting-participants}
 * @param rows person rows read from the file (joins, events or registrant rows)
 */
public record ParsedReport(
    String format,
    int rows,
    List<ReportedParticipant> participants,
    List<ReportWarning> warnings,
    Optional<MeetingInfo> meeting) {

  public ParsedReport {
    participants = List.copyOf(participants);
    warnings = List.copyOf(warnings);
  }

  /** The participant with this e-mail (case-insensitive) or exact display name, for callers. */
  public Optional<ReportedParticipant> find(String emailOrName) {
    return participants.stream()
        .filter(
            p ->
                emailOrName.equalsIgnoreCase(p.email() == null ? "" : p.email())
                    || emailOrName.equals(p.name()))
        .findFirst();
  }
}
