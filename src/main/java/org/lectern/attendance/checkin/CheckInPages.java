package org.lectern.attendance.checkin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.attendance.checkin.CheckInViews.DoorPage;
import org.lectern.attendance.checkin.CheckInViews.DoorRow;
import org.lectern.session.DeliveryMode;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Builds the door list in the viewer's language and zone, naming the zone. */
@Component
class CheckInPages {

  DoorPage door(
      DoorList list,
      String search,
      String code,
      DomainException problem,
      boolean problemOnCode,
      boolean focusCode,
      Instant now,
      Ui ui) {
    var s = list.session();
    var p = list.programme();
    ZoneId zone = ui.zoneOr(p.timeZone());
    var title = s.title().show(ui.lang(), p.languages());
    String zoneNote = ui.t("attendance.checkin.timesIn", ui.zoneLabel(zone, s.startsAt()));
    if (!zone.equals(p.timeZone())) {
      zoneNote +=
          " " + ui.t("attendance.checkin.programmeZone", ui.zoneLabel(p.timeZone(), s.startsAt()));
    }
    List<DoorRow> rows = new ArrayList<>();
    for (DoorList.Person x : list.people()) {
      rows.add(
          new DoorRow(
              x.registrationId().toString(),
              x.name(),
              detail(x, ui),
              status(x.stay(), zone, ui),
              x.stay().inRoom(),
              UUID.randomUUID().toString()));
    }
    return new DoorPage(
        s.id().toString(),
        title.text(),
        title.lang(),
        ui.time().range(s.startsAt(), s.endsAt(), zone),
        zoneNote,
        windowNote(list.window(), now, zone, ui),
        list.inRoom(),
        list.checkedIn(),
        list.expected(),
        search == null ? "" : search.strip(),
        rows,
        list.matching(),
        list.matching() > rows.size(),
        UUID.randomUUID().toString(),
        code == null ? "" : code,
        problem == null ? FormErrors.none() : errors(problem, problemOnCode, zone, ui),
        focusCode,
        list.manager(),
        list.manager() || list.open(),
        ui.t(emptyKey(list, search)));
  }

  /**
   * Door staff at a hybrid session see only those with a seat in the room: an empty list there does
   * not mean that nobody is confirmed, and whoever registered online has a code.
   */
  private static String emptyKey(DoorList list, String search) {
    boolean searched = search != null && !search.isBlank();
    if (!list.manager() && list.session().mode() == DeliveryMode.HYBRID) {
      return searched ? "attendance.checkin.noMatchInRoom" : "attendance.checkin.nobodyInRoom";
    }
    return searched ? "attendance.checkin.noMatch" : "attendance.checkin.nobody";
  }

  /** What the door says after a scan, for the next page. */
  String outcome(CheckInService.ScanResult r, Ui ui) {
    String time = ui.time().time(r.at(), ui.zoneOr(r.zone()));
    return switch (r.outcome()) {
      case ALREADY_IN -> ui.t("attendance.checkin.alreadyIn", r.name(), time);
      case RECORDED, REPEATED ->
          ui.t(
              r.kind() == CheckIn.Kind.IN
                  ? "attendance.checkin.checkedIn"
                  : "attendance.checkin.checkedOut",
              r.name(),
              time);
    };
  }

  /**
   * The refusal in the viewer's language and zone, tied to the code field when the scan came from
   * it, else shown above the list.
   */
  private static FormErrors errors(DomainException e, boolean onCode, ZoneId zone, Ui ui) {
    String code = e.fields().isEmpty() ? e.code() : e.fields().get(0).code();
    Object[] args =
        e instanceof CheckInRefused r && r.when() != null
            ? new Object[] {ui.time().dateTime(r.when(), zone)}
            : e.fields().isEmpty() ? e.args() : e.fields().get(0).args();
    DomainException shown =
        onCode ? InvalidInputException.of("code", code, args) : new ConflictException(code, args);
    return FormErrors.of(shown, ui);
  }

  private static String detail(DoorList.Person x, Ui ui) {
    List<String> parts = new ArrayList<>();
    if (x.seat() != null) {
      parts.add(ui.t("attendance.checkin.seat." + x.seat().name()));
    }
    return String.join(" · ", parts);
  }

  private static String status(RoomStay stay, ZoneId zone, Ui ui) {
    return switch (stay.state()) {
      case NOT_ARRIVED -> ui.t("attendance.checkin.notArrived");
      case IN -> ui.t("attendance.checkin.inSince", ui.time().time(stay.since(), zone));
      case LEFT -> ui.t("attendance.checkin.leftAt", ui.time().time(stay.since(), zone));
    };
  }

  private static String windowNote(CheckInWindow w, Instant now, ZoneId zone, Ui ui) {
    if (now.isBefore(w.opens())) {
      return ui.t("attendance.checkin.window.notYet", ui.time().dateTime(w.opens(), zone));
    }
    if (now.isAfter(w.closes())) {
      return ui.t("attendance.checkin.window.closed");
    }
    if (now.isAfter(w.ends())) {
      return ui.t("attendance.checkin.window.outOnly", ui.time().time(w.closes(), zone));
    }
    return null;
  }
}
