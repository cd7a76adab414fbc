package org.lectern.notification;

import java.time.Instant;
import java.util.List;
import org.lectern.programme.Programme;
import org.lectern.session.Session;

/** What mails about a programme may mention: the programme, its published sessions, privacy. */
record ProgrammeFacts(
    Programme programme, List<Session> sessions, boolean neutral, String senderName) {

  ProgrammeFacts(Programme programme, List<Session> sessions, boolean neutral) {
    this(programme, sessions, neutral, null);
  }

  /** The date a neutral subject names: the next session, else the first, else now. */
  Instant referenceDate(Instant now) {
    return sessions.stream()
        .map(Session::startsAt)
        .filter(s -> !s.isBefore(now))
        .findFirst()
        .orElse(sessions.isEmpty() ? now : sessions.get(0).startsAt());
  }

  String title(String lang) {
    return programme.title(lang);
  }
}
