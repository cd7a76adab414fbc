package org.lectern.attendance.checkin;

import java.time.Instant;
import org.lectern.shared.error.ConflictException;

/**
 * The door refused a scan (outside the session's window, a cancelled registration, a check-out of
 * someone not in the room): nothing was recorded. {@code when}, if any, is the instant the message
 * names; pages show it in the viewer's zone, the API as the ISO argument.
 */
public class CheckInRefused extends ConflictException {

  private final transient Instant when;

  CheckInRefused(String code, Instant when, Object... args) {
    super(code, args);
    this.when = when;
  }

  public Instant when() {
    return when;
  }
}
