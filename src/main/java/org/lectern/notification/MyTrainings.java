package org.lectern.notification;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.attendance.checkin.CheckInCodeService;
import org.lectern.attendance.join.JoinLinks;
import org.lectern.session.Session;
import org.lectern.shared.time.TimeFormat;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Builds the "My trainings" page and the delegate's calendar from their registrations. */
@Component
class MyTrainings {

  private final DelegateRegistrations registrations;
  private final ProgrammeFactsLoader facts;
  private final TrainingCalendar calendar;
  private final Clock clock;
  private final JoinLinks joinLinks;
  private final CheckInCodeService checkInCodes;
  private final TrainingLinks learning;

  MyTrainings(
      DelegateRegistrations registrations,
      ProgrammeFactsLoader facts,
      TrainingCalendar calendar,
      Clock clock,
      JoinLinks joinLinks,
      CheckInCodeService checkInCodes,
      TrainingLinks learning) {
    this.registrations = registrations;
    this.facts = facts;
    this.calendar = calendar;
    this.clock = clock;
    this.joinLinks = joinLinks;
    this.checkInCodes = checkInCodes;
    this.learning = learning;
  }

  MyTrainingsPage page(
      DelegatePrincipal delegate,
      String language,
      boolean hasFeed,
      String newFeedUrl,
      String notice,
      Ui ui) {
    List<MyTrainingsPage.Item> items = new ArrayList<>();
    for (DelegateRegistration r : registrations.forDelegate(delegate.email())) {
      ProgrammeFacts p = facts.load(r.programmeId());
      var shown = p.programme().title().show(ui.lang(), p.programme().languages());
      List<MyTrainingsPage.SessionLine> upcoming =
          r.active() ? upcoming(p, ui, r.confirmed() ? r.registrationId() : null) : List.of();
      String code =
          r.confirmed() && upcoming.stream().anyMatch(MyTrainingsPage.SessionLine::inRoom)
              ? checkInCodes.codeFor(r.registrationId(), r.programmeId())
              : null;
      items.add(
          new MyTrainingsPage.Item(
              r.registrationId(),
              shown.text(),
              shown.lang(),
              r.status(),
              r.active(),
              upcoming,
              code,
              code == null
                  ? null
                  : checkInCodes.qrSvg(code, ui.t("notification.my.checkIn.qr", code)),
              r.confirmed()
                  ? learning.forRegistration(r.registrationId(), r.programmeId(), ui.lang())
                  : List.of()));
    }
    return new MyTrainingsPage(delegate.email(), language, items, hasFeed, newFeedUrl, notice);
  }

  private List<MyTrainingsPage.SessionLine> upcoming(
      ProgrammeFacts p, Ui ui, java.util.UUID confirmedRegistration) {
    ZoneId home = p.programme().timeZone();
    ZoneId viewer = ui.zoneOr(home);
    TimeFormat f = ui.time();
    return p.sessions().stream()
        .filter(s -> s.endsAt().isAfter(clock.instant()))
        .map(
            s ->
                new MyTrainingsPage.SessionLine(
                    s.title().in(ui.lang(), p.programme().languages()),
                    f.range(s.startsAt(), s.endsAt(), viewer),
                    TimeFormat.zoneLabel(viewer, s.startsAt()),
                    viewer.equals(home) ? null : programmeTime(f, s, home),
                    confirmedRegistration != null && s.mode().isOnline()
                        ? joinLinks.linkFor(confirmedRegistration, s.id())
                        : null,
                    confirmedRegistration != null ? "/sessions/" + s.id() + "/live" : null,
                    s.mode().hasRoom()))
        .toList();
  }

  private static String programmeTime(TimeFormat f, Session s, ZoneId home) {
    return f.range(s.startsAt(), s.endsAt(), home)
        + " ("
        + TimeFormat.zoneLabel(home, s.startsAt())
        + ")";
  }

  /** All sessions of the delegate's confirmed registrations, in their language. */
  String calendar(String email, String language) {
    List<ProgrammeFacts> programmes =
        registrations.forDelegate(email).stream()
            .filter(DelegateRegistration::confirmed)
            .map(r -> facts.load(r.programmeId()))
            .toList();
    return calendar.write(programmes, language);
  }

  /** The delegate's own data, for download. */
  MyData data(DelegateAddress address) {
    return new MyData(
        address.email(),
        address.language(),
        address.hasFeed(),
        registrations.forDelegate(address.email()).stream()
            .map(
                r ->
                    new MyData.Registration(
                        r.registrationId(),
                        r.programmeId(),
                        facts.load(r.programmeId()).programme().slug(),
                        r.status(),
                        r.language(),
                        r.createdAt()))
            .toList());
  }

  Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
