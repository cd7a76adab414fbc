package org.lectern.delegate;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.attendance.checkin.CheckInCodeService;
import org.lectern.attendance.join.JoinLinkService;
import org.lectern.identity.DelegateAddress;
import org.lectern.identity.DelegatePrincipal;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.OwnRegistration;
import org.lectern.registration.OwnRegistrations;
import org.lectern.registration.RegistrationStatus;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.session.TrainingCalendar;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.time.TimeFormat;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Builds the "My trainings" page and the delegate's calendar from their registrations. */
@Component
record MyTrainings(
    OwnRegistrations registrations,
    ProgrammeService programmes,
    SessionService sessions,
    TrainingCalendar calendar,
    Clock clock,
    JoinLinkService joinLinks,
    CheckInCodeService checkInCodes,
    TrainingLinks learning) {

  MyTrainingsPage page(
      DelegatePrincipal delegate,
      String language,
      boolean hasFeed,
      String newFeedUrl,
      String notice,
      Ui ui) {
    List<MyTrainingsPage.Item> items = new ArrayList<>();
    for (OwnRegistration r : registrations.forDelegate(delegate.email())) {
      Programme p = programme(r.programmeId());
      boolean confirmed = r.status() == RegistrationStatus.CONFIRMED;
      var shown = p.title().show(ui.lang(), p.languages());
      List<MyTrainingsPage.SessionLine> upcoming =
          r.status().isActive()
              ? upcoming(p, ui, confirmed ? r.registrationId() : null)
              : List.of();
      String code =
          confirmed && upcoming.stream().anyMatch(MyTrainingsPage.SessionLine::inRoom)
              ? checkInCodes.codeFor(r.registrationId(), r.programmeId())
              : null;
      items.add(
          new MyTrainingsPage.Item(
              r.registrationId(),
              shown.text(),
              shown.lang(),
              r.status().name(),
              r.status().isActive(),
              upcoming,
              code,
              code == null ? null : checkInCodes.qrSvg(code, ui.t("delegate.my.checkIn.qr", code)),
              confirmed
                  ? learning.forRegistration(r.registrationId(), r.programmeId(), ui.lang())
                  : List.of()));
    }
    return new MyTrainingsPage(delegate.email(), language, items, hasFeed, newFeedUrl, notice);
  }

  private List<MyTrainingsPage.SessionLine> upcoming(
      Programme p, Ui ui, UUID confirmedRegistration) {
    ZoneId home = p.timeZone();
    ZoneId viewer = ui.zoneOr(home);
    TimeFormat f = ui.time();
    return sessions.publishedOfProgramme(p.id()).stream()
        .sorted(Comparator.comparing(Session::startsAt))
        .filter(s -> s.endsAt().isAfter(clock.instant()))
        .map(
            s ->
                new MyTrainingsPage.SessionLine(
                    s.title().in(ui.lang(), p.languages()),
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
    List<UUID> confirmed =
        registrations.forDelegate(email).stream()
            .filter(r -> r.status() == RegistrationStatus.CONFIRMED)
            .map(OwnRegistration::programmeId)
            .toList();
    return calendar.ofProgrammes(confirmed, language);
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
                        programme(r.programmeId()).slug(),
                        r.status().name(),
                        r.language(),
                        r.registeredAt()))
            .toList());
  }

  private Programme programme(UUID id) {
    return programmes.find(id).orElseThrow(() -> new NotFoundException("programme.notFound"));
  }

  Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
