package org.lectern.attendance.importing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lectern.attendance.importing.AttendanceViews.AttendeeRow;
import org.lectern.attendance.importing.AttendanceViews.ChoicePage;
import org.lectern.attendance.importing.AttendanceViews.Option;
import org.lectern.attendance.importing.AttendanceViews.PreviewPage;
import org.lectern.attendance.importing.AttendanceViews.PreviewRow;
import org.lectern.attendance.importing.AttendanceViews.SessionAttendancePage;
import org.lectern.attendance.importing.AttendanceViews.SharingFlag;
import org.lectern.attendance.importing.AttendanceViews.UnreadablePage;
import org.lectern.attendance.join.LinkSharing;
import org.lectern.attendance.registrants.Registrant;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.results.Attendee;
import org.lectern.programme.Programme;
import org.lectern.session.Session;
import org.lectern.shared.time.Zones;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Builds the attendance back-office pages in the organiser's language and zone. */
@Component
class AttendancePages {

  SessionAttendancePage session(
      Programme p,
      Session s,
      List<Attendee> attendees,
      List<LinkSharing.Flag> flags,
      Map<UUID, String> names,
      int imports,
      long maxBytes,
      String problem,
      Ui ui) {
    ZoneId zone = ui.zoneOr(p.timeZone());
    var rows =
        attendees.stream()
            .map(
                a ->
                    new AttendeeRow(
                        a.name(),
                        a.email(),
                        ui.t("attendance.role." + a.role().name()),
                        a.delegate(),
                        a.inRoom(),
                        a.minutes(),
                        a.percent(),
                        intervals(a.intervals(), zone, ui)))
            .toList();
    var sharing =
        flags.stream()
            .map(
                f ->
                    new SharingFlag(
                        names.getOrDefault(f.registrationId(), ""),
                        f.devices(),
                        ui.time().time(f.first(), zone),
                        ui.time().time(f.last(), zone)))
            .toList();
    return new SessionAttendancePage(
        s.id().toString(),
        title(s, p, ui),
        p.id().toString(),
        ui.time().range(s.startsAt(), s.endsAt(), zone),
        imports,
        maxBytes / (1024 * 1024),
        rows,
        sharing,
        problem);
  }

  PreviewPage preview(Programme p, Session s, AttendanceImportService.Preview pv, Ui ui) {
    var plan = pv.plan();
    Map<UUID, String> names =
        pv.choosable().stream().collect(Collectors.toMap(Registrant::id, Registrant::fullName));
    List<PreviewRow> people = new ArrayList<>();
    for (PlannedPerson pp : plan.people()) {
      var part = pp.participant();
      Match m = pp.match();
      List<Option> choices = m.needsDecision() ? choices(m, pv.choosable(), ui) : List.of();
      people.add(
          new PreviewRow(
              pp.index(),
              part.name(),
              part.email(),
              String.join(", ", part.aliases()),
              ui.t("attendance.role." + part.role().name()),
              pp.minutes(),
              pp.percent(),
              ui.t("attendance.match." + m.status().name()),
              m.isMatched() ? names.getOrDefault(m.registrationId(), "") : "",
              choices,
              ""));
    }
    var report = plan.report();
    String meeting =
        report
            .meeting()
            .map(
                mi ->
                    (mi.topic() == null ? "" : mi.topic())
                        + (mi.start() == null
                            ? ""
                            : " · " + ui.time().dateTime(mi.start(), ui.zoneOr(p.timeZone()))))
            .orElse("");
    List<String> warnings =
        report.warnings().stream().map(w -> ImportMessages.of(w, ui::t)).toList();
    return new PreviewPage(
        s.id().toString(),
        title(s, p, ui),
        pv.uploadId().toString(),
        pv.fileName(),
        ui.t("attendance.format." + report.format()),
        report.rows(),
        plan.matched(),
        plan.unmatched(),
        plan.needingDecision(),
        meeting,
        warnings,
        people,
        pv.choices().zone().map(ZoneId::getId).orElse(p.timeZone().getId()),
        Zones.COMMON,
        null);
  }

  ChoicePage choice(
      Programme p,
      Session s,
      UUID uploadId,
      String fileName,
      ImportRefused e,
      ImportChoices c,
      Ui ui) {
    boolean meeting = e.code().endsWith("Meeting");
    var options =
        e.options().stream()
            .map(
                o ->
                    new Option(
                        o.value(),
                        meeting
                            ? o.example()
                            : ui.t("attendance.dayOrder." + o.value(), o.example())))
            .toList();
    return new ChoicePage(
        s.id().toString(),
        title(s, p, ui),
        uploadId.toString(),
        fileName,
        ImportMessages.of(e, ui::t),
        meeting ? "meeting" : "dayOrder",
        options,
        c.zone().map(ZoneId::getId).orElse(p.timeZone().getId()),
        Zones.COMMON);
  }

  UnreadablePage unreadable(Programme p, Session s, String fileName, ImportRefused e, Ui ui) {
    return new UnreadablePage(
        s.id().toString(), title(s, p, ui), fileName, ImportMessages.of(e, ui::t));
  }

  private static List<Option> choices(Match m, List<Registrant> all, Ui ui) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("", ui.t("attendance.review.later")));
    options.add(new Option(Resolution.NOT_A_DELEGATE, ui.t("attendance.review.notDelegate")));
    for (Registrant r : all) {
      if (m.candidates().contains(r.id())) {
        options.add(new Option(r.id().toString(), r.fullName() + " · " + r.email()));
      }
    }
    for (Registrant r : all) {
      if (!m.candidates().contains(r.id())) {
        options.add(new Option(r.id().toString(), r.fullName() + " · " + r.email()));
      }
    }
    return options;
  }

  private static String intervals(List<Interval> intervals, ZoneId zone, Ui ui) {
    return intervals.stream()
        .map(i -> ui.time().time(i.from(), zone) + "–" + ui.time().time(i.to(), zone))
        .collect(Collectors.joining(", "));
  }

  private static String title(Session s, Programme p, Ui ui) {
    return s.title().show(ui.lang(), p.languages()).text();
  }
}
