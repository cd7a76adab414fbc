package org.lectern.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.lectern.organisation.Organisation;
import org.lectern.programme.Programme;
import org.lectern.session.DeliveryMode;
import org.lectern.session.Session;

/**
 * What certificates of one programme print about it, loaded once for a whole bulk issue: the
 * programme, its organiser and partners, published sessions, trainers, topics and settings.
 */
record ProgrammeRecord(
    Programme programme,
    Organisation organiser,
    List<Organisation> partners,
    List<Session> sessions,
    List<String> trainers,
    List<Integer> articles,
    CertificateSettings settings) {

  LocalDate firstDay(LocalDate fallback) {
    return sessions.isEmpty()
        ? fallback
        : sessions.get(0).startsAt().atZone(programme.timeZone()).toLocalDate();
  }

  LocalDate lastDay(LocalDate fallback) {
    return sessions.isEmpty()
        ? fallback
        : sessions.get(sessions.size() - 1).endsAt().atZone(programme.timeZone()).toLocalDate();
  }

  /** ONLINE, IN_PERSON, or HYBRID when sessions differ or any is hybrid; null without sessions. */
  DeliveryMode mode() {
    Set<DeliveryMode> modes =
        sessions.stream().map(Session::mode).collect(java.util.stream.Collectors.toSet());
    if (modes.isEmpty()) {
      return null;
    }
    return modes.size() == 1 ? modes.iterator().next() : DeliveryMode.HYBRID;
  }

  /** Scheduled time of all sessions: the hours of an override when no attendance is known. */
  java.time.Duration scheduled() {
    return sessions.stream()
        .map(Session::duration)
        .reduce(java.time.Duration.ZERO, java.time.Duration::plus);
  }
}
