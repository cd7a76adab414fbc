package org.lectern.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.catalogue.CatalogueViews.HomePage;
import org.lectern.catalogue.CatalogueViews.PartnerView;
import org.lectern.catalogue.CatalogueViews.PersonLink;
import org.lectern.catalogue.CatalogueViews.ProgrammeCard;
import org.lectern.catalogue.CatalogueViews.ProgrammePage;
import org.lectern.catalogue.CatalogueViews.SessionPage;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammePartner;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationService;
import org.lectern.session.DeliveryMode;
import org.lectern.session.Session;
import org.lectern.shared.text.Markdown;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/** Assembles the home, programme and session pages from the features' services. */
@Component
class CataloguePages {

  private final ProgrammeService programmes;
  private final org.lectern.session.SessionService sessions;
  private final OrganisationService organisations;
  private final ScheduleViews schedule;
  private final Clock clock;
  private final RegistrationService registrations;

  CataloguePages(
      ProgrammeService programmes,
      org.lectern.session.SessionService sessions,
      OrganisationService organisations,
      ScheduleViews schedule,
      Clock clock,
      RegistrationService registrations) {
    this.programmes = programmes;
    this.sessions = sessions;
    this.organisations = organisations;
    this.schedule = schedule;
    this.clock = clock;
    this.registrations = registrations;
  }

  HomePage home(Ui ui) {
    Instant now = clock.instant();
    Map<Programme, List<Session>> all = new LinkedHashMap<>();
    programmes.published().forEach(p -> all.put(p, sessions.publishedOfProgramme(p.id())));
    Comparator<Map.Entry<Programme, List<Session>>> byStart =
        Comparator.comparing(e -> first(e.getValue()));
    var upcoming =
        all.entrySet().stream()
            .filter(e -> last(e.getValue()).isAfter(now))
            .sorted(byStart)
            .map(e -> card(e.getKey(), e.getValue(), ui))
            .toList();
    var past =
        all.entrySet().stream()
            .filter(e -> !last(e.getValue()).isAfter(now))
            .sorted(byStart.reversed())
            .map(e -> card(e.getKey(), e.getValue(), ui))
            .toList();
    return new HomePage(upcoming, past);
  }

  private static Instant first(List<Session> s) {
    return s.isEmpty() ? Instant.MAX : s.get(0).startsAt();
  }

  private static Instant last(List<Session> s) {
    return s.isEmpty() ? Instant.MAX : s.get(s.size() - 1).endsAt();
  }

  private ProgrammeCard card(Programme p, List<Session> s, Ui ui) {
    return new ProgrammeCard(
        p.slug(),
        p.title().show(ui.lang(), p.languages()),
        Markdown.excerpt(p.description(ui.lang()), 220),
        dates(p, s, ui),
        modes(s, ui),
        p.languages());
  }

  private String dates(Programme p, List<Session> s, Ui ui) {
    if (s.isEmpty()) {
      return ui.t("catalogue.noSessions");
    }
    var zone = ui.zoneOr(p.timeZone());
    String a = ui.time().date(s.get(0).startsAt(), zone);
    String b = ui.time().date(s.get(s.size() - 1).startsAt(), zone);
    return a.equals(b) ? a : a + " – " + b;
  }

  private static String modes(List<Session> s, Ui ui) {
    return s.stream()
        .map(Session::mode)
        .distinct()
        .sorted()
        .map(m -> ui.t("session.mode." + m.name()))
        .reduce((x, y) -> x + ", " + y)
        .orElse("");
  }

  ProgrammePage programme(Programme p, boolean preview, Ui ui) {
    List<Session> list =
        preview ? sessions.ofProgramme(p.id()) : sessions.publishedOfProgramme(p.id());
    var rows = list.stream().map(s -> schedule.row(s, p, ui)).toList();
    Map<String, PersonLink> speakers = new LinkedHashMap<>();
    rows.forEach(r -> r.speakers().forEach(sp -> speakers.putIfAbsent(sp.id(), sp)));
    var description = p.description().show(ui.lang(), p.languages());
    Instant at = list.isEmpty() ? clock.instant() : list.get(0).startsAt();
    return new ProgrammePage(
        p.slug(),
        p.title().show(ui.lang(), p.languages()),
        Markdown.toSafeHtml(description.text()),
        description.lang(),
        dates(p, list, ui),
        p.languages(),
        p.cpdHours() == null ? null : ui.number(p.cpdHours()),
        schedule.zoneNote(p, ui, at),
        p.isPublished(),
        rows,
        List.copyOf(speakers.values()),
        partners(p, ui),
        registrations.isOpen(p.id()));
  }

  private List<PartnerView> partners(Programme p, Ui ui) {
    List<ProgrammePartner> list = programmes.partners(p.id());
    Map<UUID, Organisation> orgs = new LinkedHashMap<>();
    organisations
        .findAll(list.stream().map(ProgrammePartner::organisationId).toList())
        .forEach(o -> orgs.put(o.id(), o));
    return list.stream()
        .filter(pp -> orgs.containsKey(pp.organisationId()))
        .map(
            pp -> {
              Organisation o = orgs.get(pp.organisationId());
              return new PartnerView(
                  "programme.partner.role." + pp.role().name(),
                  o.name().show(ui.lang(), p.languages()),
                  o.website(),
                  pp.acknowledgement().isEmpty()
                      ? null
                      : pp.acknowledgement().show(ui.lang(), p.languages()),
                  pp.disclaimer().isEmpty()
                      ? null
                      : pp.disclaimer().show(ui.lang(), p.languages()));
            })
        .toList();
  }

  SessionPage session(Session s, Programme p, Ui ui) {
    var summary = s.summary().show(ui.lang(), p.languages());
    long minutes = s.duration().toMinutes();
    return new SessionPage(
        schedule.row(s, p, ui),
        p.slug(),
        p.title().show(ui.lang(), p.languages()),
        Markdown.toSafeHtml(summary.text()),
        summary.lang(),
        schedule.zoneNote(p, ui, s.startsAt()),
        ui.t("catalogue.duration", minutes / 60, minutes % 60),
        s.mode() == DeliveryMode.ONLINE ? null : s.roomCapacity());
  }
}
