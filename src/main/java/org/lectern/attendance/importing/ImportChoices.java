package org.lectern.attendance.importing;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.lectern.attendance.report.DayOrder;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.modulith.NamedInterface;

/** What the organiser decided about how to read a file: its time zone, day order and meeting. */
@NamedInterface("importing")
public record ImportChoices(
    Optional<ZoneId> zone, Optional<DayOrder> dayOrder, Optional<String> meeting) {

  public static ImportChoices none() {
    return new ImportChoices(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** From request text; blank means "not chosen". */
  public static ImportChoices parse(String zone, String dayOrder, String meeting) {
    var problems = new InvalidInputException.Collector();
    Optional<ZoneId> z = Optional.empty();
    if (zone != null && !zone.isBlank()) {
      try {
        z = Optional.of(ZoneId.of(zone.strip()));
      } catch (DateTimeException e) {
        problems.add("timeZone", "attendance.import.badZone", zone.strip());
      }
    }
    Optional<DayOrder> d = Optional.empty();
    if (dayOrder != null && !dayOrder.isBlank()) {
      try {
        d = Optional.of(DayOrder.valueOf(dayOrder.strip()));
      } catch (IllegalArgumentException e) {
        problems.add("dayOrder", "attendance.import.badDayOrder");
      }
    }
    problems.throwIfAny();
    Optional<String> m =
        meeting == null || meeting.isBlank() ? Optional.empty() : Optional.of(meeting.strip());
    return new ImportChoices(z, d, m);
  }
}
