package org.lectern.attendance.checkin;

import com.ibm.icu.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.attendance.registrants.Registrant;
import org.lectern.attendance.registrants.RegistrantDirectory;
import org.lectern.attendance.registrants.RoomSeat;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.DeliveryMode;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * The door of a session's room, for those who manage the programme or work its door: the list of
 * delegates to check in (audited, as it shows names; for door staff only inside the window), and
 * recording a scan — by name or by personal code — once per nonce, locked per delegate and session,
 * inside the session's window.
 */
@Service
record CheckInService(
    SessionService sessions,
    ProgrammeService programmes,
    RegistrantDirectory registrations,
    CheckInRepository checkIns,
    CheckInCodeService codes,
    AuditLog audit,
    Clock clock,
    Transactions transactions) {

  /** Rows shown without a search: a phone screen's worth of scrolling; search finds the rest. */
  static final int SHOWN = 100;

  /** A scan as submitted: a registration or a code, and the nonce of the form (or a new one). */
  record Scan(UUID nonce, UUID registrationId, String code, CheckIn.Kind kind) {}

  enum Outcome {
    /** Recorded now. */
    RECORDED,
    /** This nonce was recorded before: the earlier scan's answer, nothing new. */
    REPEATED,
    /** A check-in of someone already in the room: nothing recorded. */
    ALREADY_IN
  }

  /**
   * Who was scanned and what happened; {@code at} is the scan's time, or since when they are in;
   * {@code zone} the programme's.
   */
  record ScanResult(
      UUID nonce,
      UUID registrationId,
      String name,
      CheckIn.Kind kind,
      Instant at,
      ZoneId zone,
      Outcome outcome) {

    boolean recorded() {
      return outcome == Outcome.RECORDED;
    }
  }

  /**
   * The door list; a search matches names in memory (they are encrypted at rest), in Cyrillic or
   * Latin spelling. Names are ordered for {@code locale}. Door staff get names only while the door
   * is open, and only of those expected in the room; outside the window they learn when it opens.
   */
  DoorList list(LecternUser actor, UUID sessionId, String search, Locale locale) {
    return transactions.result(
        () -> {
          Session s = door(actor, sessionId);
          Programme p = programmes.atTheDoor(actor, s.programmeId());
          boolean manager = programmes.canManage(actor, p);
          CheckInWindow window = CheckInWindow.of(s);
          boolean open = window.isOpen(clock.instant());
          if (!manager && !open) {
            return new DoorList(s, p, window, false, List.of(), 0, 0, 0, 0, false);
          }
          Map<UUID, List<CheckIn>> scans = checkIns.ofSession(s.id());
          Map<UUID, RoomSeat> seats =
              s.mode() == DeliveryMode.HYBRID ? registrations.roomSeats(s.id()) : Map.of();
          Collator collator = Collator.getInstance(locale);
          List<DoorList.Person> confirmed =
              registrations.of(p.id()).stream()
                  .filter(r -> "CONFIRMED".equals(r.status()))
                  .map(r -> person(r, s, seats, scans))
                  .filter(x -> manager || x.expected())
                  .sorted(
                      Comparator.comparing((DoorList.Person x) -> !x.expected())
                          .thenComparing(DoorList.Person::name, collator::compare))
                  .toList();
          String needle = search == null ? "" : search.strip();
          List<DoorList.Person> matching =
              needle.isEmpty()
                  ? confirmed
                  : confirmed.stream().filter(x -> NameSearch.matches(x.name(), needle)).toList();
          List<DoorList.Person> shown = matching.stream().limit(SHOWN).toList();
          List<RoomStay> stays = scans.values().stream().map(RoomStay::of).toList();
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  needle.isEmpty() ? "attendance.doorListed" : "attendance.doorSearched",
                  p.organisationId(),
                  "session",
                  s.id().toString(),
                  shown.size(),
                  null));
          return new DoorList(
              s,
              p,
              window,
              open,
              shown,
              matching.size(),
              (int) stays.stream().filter(RoomStay::inRoom).count(),
              (int) stays.stream().filter(RoomStay::arrived).count(),
              (int) confirmed.stream().filter(DoorList.Person::expected).count(),
              manager);
        });
  }

  private static DoorList.Person person(
      Registrant r, Session s, Map<UUID, RoomSeat> seats, Map<UUID, List<CheckIn>> scans) {
    RoomSeat seat = s.mode() == DeliveryMode.HYBRID ? seats.get(r.id()) : null;
    boolean expected = s.mode() == DeliveryMode.IN_PERSON || seat != null && seat.expected();
    return new DoorList.Person(
        r.id(), r.fullName(), seat, expected, RoomStay.of(scans.getOrDefault(r.id(), List.of())));
  }

  /**
   * Records a scan. The same nonce again answers as the first time and records nothing, even after
   * the window closed; a check-in of someone already in the room records nothing either. Refused
   * (nothing recorded): outside the window, a registration that is not confirmed, a code or person
   * not of this programme, a check-out of someone not in the room.
   */
  ScanResult scan(LecternUser actor, UUID sessionId, Scan in) {
    return transactions.result(
        () -> {
          Session s = door(actor, sessionId);
          Programme p = programmes.atTheDoor(actor, s.programmeId());
          Registrant r = who(p, in);
          UUID nonce = in.nonce() != null ? in.nonce() : UUID.randomUUID();
          checkIns.lockDelegate(s.id(), r.id());
          Optional<CheckIn> earlier = checkIns.byNonce(nonce);
          if (earlier.isPresent()) {
            return replay(earlier.get(), p, s, r, in.kind());
          }
          if (!"CONFIRMED".equals(r.status())) {
            throw new CheckInRefused(
                r.active() ? "attendance.checkin.notConfirmed" : "attendance.checkin.cancelled",
                null);
          }
          Instant now = clock.instant();
          CheckInWindow.of(s).check(in.kind(), now, p.timeZone());
          RoomStay stay = RoomStay.of(checkIns.of(s.id(), r.id()));
          if (!stay.accepts(in.kind())) {
            audited(actor, p, s, r, "attendance.scanUnchanged");
            return new ScanResult(
                nonce,
                r.id(),
                r.fullName(),
                in.kind(),
                stay.since(),
                p.timeZone(),
                Outcome.ALREADY_IN);
          }
          CheckIn c = new CheckIn(nonce, s.id(), r.id(), in.kind(), now);
          if (!checkIns.record(c)) {
            // The nonce was taken meanwhile by a scan of someone else (under another lock):
            // refused.
            return replay(checkIns.byNonce(nonce).orElseThrow(), p, s, r, in.kind());
          }
          audited(
              actor,
              p,
              s,
              r,
              in.kind() == CheckIn.Kind.IN ? "attendance.checkedIn" : "attendance.checkedOut");
          return new ScanResult(
              nonce, r.id(), r.fullName(), in.kind(), now, p.timeZone(), Outcome.RECORDED);
        });
  }

  /** Refuses (403/404/409 as the list would) an actor who may not work this session's door. */
  void mayWork(LecternUser actor, UUID sessionId) {
    transactions.read(() -> door(actor, sessionId));
  }

  /** The session if the actor may work the door of its programme and it has a room. */
  private Session door(LecternUser actor, UUID sessionId) {
    Session s =
        sessions
            .find(sessionId)
            .orElseThrow(() -> new org.lectern.shared.error.NotFoundException("session.notFound"));
    programmes.atTheDoor(actor, s.programmeId());
    if (!s.mode().hasRoom()) {
      throw new CheckInRefused("attendance.checkin.noRoom", null);
    }
    return s;
  }

  private Registrant who(Programme p, Scan in) {
    if (in.code() != null && !in.code().isBlank()) {
      CheckInCode code =
          CheckInCode.parse(in.code())
              .orElseThrow(() -> InvalidInputException.of("code", "attendance.checkin.badCode"));
      return codes
          .holder(code)
          .filter(h -> h.programmeId().equals(p.id()))
          .flatMap(h -> registrations.find(h.registrationId()))
          .filter(r -> r.programmeId().equals(p.id()))
          .orElseThrow(() -> InvalidInputException.of("code", "attendance.checkin.unknownCode"));
    }
    if (in.registrationId() == null) {
      throw InvalidInputException.of("code", "attendance.checkin.noCode");
    }
    return registrations
        .find(in.registrationId())
        .filter(r -> r.programmeId().equals(p.id()))
        .orElseThrow(
            () -> InvalidInputException.of("registrationId", "attendance.checkin.unknownDelegate"));
  }

  private ScanResult replay(
      CheckIn earlier, Programme p, Session s, Registrant r, CheckIn.Kind kind) {
    if (!earlier.sessionId().equals(s.id())
        || !earlier.registrationId().equals(r.id())
        || earlier.kind() != kind) {
      throw InvalidInputException.of("nonce", "attendance.checkin.nonceReused");
    }
    return new ScanResult(
        earlier.nonce(), r.id(), r.fullName(), kind, earlier.at(), p.timeZone(), Outcome.REPEATED);
  }

  private void audited(LecternUser actor, Programme p, Session s, Registrant r, String action) {
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            action,
            p.organisationId(),
            "registration",
            r.id().toString(),
            1,
            "session=" + s.id()));
  }
}
