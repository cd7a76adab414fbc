package org.lectern.attendance.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.attendance.checkin.CheckIn;
import org.lectern.attendance.checkin.CheckInRepository;
import org.lectern.attendance.importing.ImportRepository;
import org.lectern.attendance.importing.StoredPerson;
import org.lectern.attendance.registrants.Registrant;
import org.lectern.attendance.registrants.RegistrantDirectory;
import org.lectern.attendance.report.ParticipantRole;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.database.Transactions;
import org.springframework.stereotype.Service;

/** The effective attendance of a session: everyone found online or in the room. */
@Service
public record SessionAttendanceService(
    SessionService sessions,
    ProgrammeService programmes,
    ImportRepository store,
    CheckInRepository checkIns,
    RegistrantDirectory registrations,
    AuditLog audit,
    Transactions transactions) {

  /** For the organiser; the listing of personal data is audited. */
  public List<Attendee> list(LecternUser actor, UUID sessionId) {
    return transactions.result(
        () -> {
          Session s = sessions.manageable(actor, sessionId);
          Programme p = programmes.manageable(actor, s.programmeId());
          List<Attendee> all = of(s);
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  "attendance.listed",
                  p.organisationId(),
                  "session",
                  s.id().toString(),
                  all.size(),
                  null));
          return all;
        });
  }

  /** Without access check or audit: for other services of this module. */
  List<Attendee> of(Session s) {
    Map<UUID, Registrant> names = new HashMap<>();
    registrations.of(s.programmeId()).forEach(r -> names.put(r.id(), r));
    Map<UUID, List<CheckIn>> scans = checkIns.ofSession(s.id());
    Set<UUID> seen = new HashSet<>();
    List<Attendee> out = new ArrayList<>();
    for (StoredPerson p : store.people(s.id()).values()) {
      var room =
          p.registrationId() == null
              ? List.<org.lectern.attendance.report.Interval>of()
              : CheckIn.presence(scans.getOrDefault(p.registrationId(), List.of()), s.endsAt());
      if (p.registrationId() != null) {
        seen.add(p.registrationId());
      }
      Registrant r = p.registrationId() == null ? null : names.get(p.registrationId());
      out.add(
          attendee(
              s,
              p.registrationId(),
              r != null ? r.fullName() : p.name(),
              r != null ? r.email() : p.email(),
              p.role(),
              new Presence(p.online(), room, p.reportedMinutes())));
    }
    for (var e : scans.entrySet()) {
      if (seen.add(e.getKey())) {
        Registrant r = names.get(e.getKey());
        out.add(
            attendee(
                s,
                e.getKey(),
                r == null ? "" : r.fullName(),
                r == null ? null : r.email(),
                ParticipantRole.ATTENDEE,
                new Presence(List.of(), CheckIn.presence(e.getValue(), s.endsAt()), null)));
      }
    }
    out.sort(
        Comparator.comparing((Attendee a) -> a.role().ordinal())
            .thenComparing(Attendee::name, String.CASE_INSENSITIVE_ORDER));
    return out;
  }

  private static Attendee attendee(
      Session s, UUID reg, String name, String email, ParticipantRole role, Presence presence) {
    var effective = presence.effective(s.startsAt(), s.endsAt());
    return new Attendee(
        reg,
        name,
        email,
        role,
        effective.minutes(),
        effective.percent(),
        presence.all(),
        !presence.room().isEmpty());
  }
}
