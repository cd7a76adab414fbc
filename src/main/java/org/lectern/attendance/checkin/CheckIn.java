package org.lectern.attendance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.report.Intervals;

/**
 * One scan at the room door (a delegate's code, or their name on the door list). The nonce comes
 * with the form that was shown, so the same scan submitted twice (a retry, a double tap) is one
 * check-in.
 */
public record CheckIn(UUID nonce, UUID sessionId, UUID registrationId, Kind kind, Instant at) {

  public enum Kind {
    IN,
    OUT
  }

  /**
   * Time in the room from a delegate's scans: each IN opens a stay that the next OUT closes; a stay
   * with no OUT lasts until the session ends (people rarely scan out).
   */
  public static List<Interval> presence(List<CheckIn> scans, Instant sessionEnd) {
    List<CheckIn> sorted = new ArrayList<>(scans);
    sorted.sort(Comparator.comparing(CheckIn::at));
    List<Interval> stays = new ArrayList<>();
    Instant open = null;
    for (CheckIn c : sorted) {
      if (c.kind() == Kind.IN && open == null) {
        open = c.at();
      } else if (c.kind() == Kind.OUT && open != null) {
        stays.add(new Interval(open, c.at()));
        open = null;
      }
    }
    if (open != null) {
      stays.add(new Interval(open, sessionEnd.isAfter(open) ? sessionEnd : open));
    }
    return Intervals.union(stays);
  }
}
