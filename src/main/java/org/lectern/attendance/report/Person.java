package org.lectern.attendance.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who a report row is about, before rows of the same person are merged. */
record Person(String name, String alias, String email, ParticipantRole role) {

  private static final Pattern ORIGINAL_NAME = Pattern.compile("(.+?)\\s*\\(([^()]+)\\)");

  Person {
    name = Text.clean(name);
    alias = alias == null || Text.clean(alias).isEmpty() ? null : Text.clean(alias);
    String cleanEmail = Text.clean(email);
    email = cleanEmail.contains("@") ? cleanEmail.toLowerCase(java.util.Locale.ROOT) : null;
  }

  /**
   * Zoom writes a renamed participant as "Display Name (Original Name)": the display name is what
   * the meeting showed, the original name is kept as an alias for matching registrations.
   */
  static Person zoomNamed(String written, String email, ParticipantRole role) {
    Matcher m = ORIGINAL_NAME.matcher(Text.clean(written));
    if (m.matches()) {
      return new Person(m.group(1), m.group(2), email, role);
    }
    return new Person(written, null, email, role);
  }
}
