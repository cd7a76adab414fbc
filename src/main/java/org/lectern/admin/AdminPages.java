package org.lectern.admin;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.admin.AdminViews.ArticleOption;
import org.lectern.admin.AdminViews.DashboardPage;
import org.lectern.admin.AdminViews.Option;
import org.lectern.admin.AdminViews.PartnerRow;
import org.lectern.admin.AdminViews.PartnerSection;
import org.lectern.admin.AdminViews.ProgrammeFormPage;
import org.lectern.admin.AdminViews.ProgrammeRow;
import org.lectern.admin.AdminViews.SessionFormPage;
import org.lectern.admin.AdminViews.SessionRow;
import org.lectern.identity.LecternUser;
import org.lectern.identity.Membership;
import org.lectern.identity.UserService;
import org.lectern.organisation.Organisation;
import org.lectern.organisation.OrganisationService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammePartner;
import org.lectern.programme.ProgrammeService;
import org.lectern.reference.IccprArticles;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.time.Zones;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.lectern.speaker.Speaker;
import org.lectern.speaker.SpeakerService;
import org.springframework.stereotype.Component;

/** Assembles the back-office pages for programmes and sessions from the features' services. */
@Component
record AdminPages(
    OwnSpeakerService speakerDesk,
    ProgrammeService programmes,
    SessionService sessions,
    SpeakerService speakers,
    OrganisationService organisations,
    UserService users,
    IccprArticles articles) {

  private static final int DASHBOARD_LIMIT = 500;

  DashboardPage dashboard(LecternUser user, Ui ui) {
    var visible = programmes.visibleTo(user, DASHBOARD_LIMIT, 0).items();
    var managed =
        visible.stream().filter(p -> programmes.canManage(user, p)).map(p -> row(p, ui)).toList();
    // Funders see the programmes they fund, with a link to their figures (never to people).
    var funded =
        visible.stream()
            .filter(
                p ->
                    !programmes.canManage(user, p)
                        && programmes.hasRole(user, p, org.lectern.programme.ProgrammeRole.FUNDER))
            .map(p -> row(p, ui))
            .toList();
    // Door staff see the sessions with a room they check people in at, not yet over.
    var now = java.time.Instant.now();
    var door =
        visible.stream()
            .filter(
                p ->
                    !programmes.canManage(user, p)
                        && programmes.hasRole(user, p, org.lectern.programme.ProgrammeRole.DOOR))
            .flatMap(
                p ->
                    sessions.publishedOfProgramme(p.id()).stream()
                        .filter(s -> s.mode().hasRoom() && s.endsAt().isAfter(now))
                        .map(s -> doorRow(s, p, ui)))
            .toList();
    boolean member = user.platformAdmin() || !users.memberships(user.id()).isEmpty();
    return new DashboardPage(
        managed,
        funded,
        door,
        speakerDesk.sessions(user, visible, ui),
        speakerDesk.profiles(user),
        member,
        member,
        users.mayCreateAccounts(user));
  }

  /** A session door staff work: its time in their zone, named, and in the programme's. */
  private static AdminViews.DoorRow doorRow(
      org.lectern.session.Session s, org.lectern.programme.Programme p, Ui ui) {
    var zone = ui.zoneOr(p.timeZone());
    return new AdminViews.DoorRow(
        s.id().toString(),
        s.title().show(ui.lang(), p.languages()),
        ui.time().range(s.startsAt(), s.endsAt(), zone),
        ui.zoneLabel(zone, s.startsAt()),
        OwnSpeakerService.programmeTime(s, p, zone, ui));
  }

  private static ProgrammeRow row(org.lectern.programme.Programme p, Ui ui) {
    return new ProgrammeRow(
        p.id().toString(),
        p.slug(),
        p.title().show(ui.lang(), p.languages()),
        p.isPublished(),
        p.languages());
  }

  /** The organisations the user may create in: their own; all of them for platform admins. */
  List<Option> ownOrganisations(LecternUser user, Ui ui) {
    List<Organisation> list =
        user.platformAdmin()
            ? organisations.all()
            : organisations.findAll(
                users.memberships(user.id()).stream().map(Membership::organisationId).toList());
    return options(list, ui);
  }

  private List<Option> options(List<Organisation> list, Ui ui) {
    return list.stream()
        .map(
            o -> {
              var name = o.name().show(ui.lang(), List.of());
              return new Option(o.id().toString(), name.text(), name.lang());
            })
        .sorted(Comparator.comparing(Option::label))
        .toList();
  }

  ProgrammeFormPage newProgramme(LecternUser user, ProgrammeForm form, FormErrors errors, Ui ui) {
    return new ProgrammeFormPage(
        null,
        null,
        false,
        form,
        errors,
        ownOrganisations(user, ui),
        null,
        zones(form.timeZone()),
        null,
        List.of(),
        null);
  }

  ProgrammeFormPage programme(
      Programme p, ProgrammeForm form, FormErrors errors, PartnerSection partners, Ui ui) {
    var org = organisations.find(p.organisationId()).orElseThrow();
    var rows =
        sessions.ofProgramme(p.id()).stream()
            .map(
                s ->
                    new SessionRow(
                        s.id().toString(),
                        s.title().show(ui.lang(), p.languages()),
                        ui.time().range(s.startsAt(), s.endsAt(), p.timeZone()),
                        s.isPublished()))
            .toList();
    return new ProgrammeFormPage(
        p.id().toString(),
        p.slug(),
        p.isPublished(),
        form,
        errors,
        List.of(),
        org.name().show(ui.lang(), p.languages()),
        zones(form.timeZone()),
        p.timeZone().getId(),
        rows,
        partners == null ? partners(p, PartnerForm.blank(), FormErrors.none(), ui) : partners);
  }

  PartnerSection partners(Programme p, PartnerForm form, FormErrors errors, Ui ui) {
    var named = programmes.partners(p.id());
    var proposed = programmes.proposals(p.id());
    // Only the organisations named or proposed here: the page lists no others (ADR 0010).
    Map<UUID, Organisation> orgs = new LinkedHashMap<>();
    organisations
        .findAll(
            java.util.stream.Stream.concat(named.stream(), proposed.stream())
                .map(ProgrammePartner::organisationId)
                .distinct()
                .toList())
        .forEach(o -> orgs.put(o.id(), o));
    return new PartnerSection(
        partnerRows(named, orgs, p, ui),
        // Proposals awaiting the named organisation's agreement: shown, with a way to withdraw.
        partnerRows(proposed, orgs, p, ui),
        form,
        errors,
        p.languages());
  }

  private static List<PartnerRow> partnerRows(
      List<ProgrammePartner> list, Map<UUID, Organisation> orgs, Programme p, Ui ui) {
    return list.stream()
        .filter(pp -> orgs.containsKey(pp.organisationId()))
        .map(
            pp ->
                new PartnerRow(
                    pp.organisationId().toString(),
                    pp.role().name(),
                    orgs.get(pp.organisationId()).name().show(ui.lang(), p.languages()),
                    pp.acknowledgement().isEmpty()
                        ? null
                        : pp.acknowledgement().show(ui.lang(), p.languages()),
                    pp.disclaimer().isEmpty()
                        ? null
                        : pp.disclaimer().show(ui.lang(), p.languages())))
        .toList();
  }

  /** The common zones, plus the one chosen when it is not among them. */
  private static List<String> zones(String chosen) {
    if (chosen == null || chosen.isEmpty() || Zones.COMMON.contains(chosen)) {
      return Zones.COMMON;
    }
    return java.util.stream.Stream.concat(Zones.COMMON.stream(), java.util.stream.Stream.of(chosen))
        .toList();
  }

  SessionFormPage session(
      Programme p, Session s, SessionForm form, FormErrors errors, LecternUser user, Ui ui) {
    return new SessionFormPage(
        s == null ? null : s.id().toString(),
        p.id().toString(),
        p.title().show(ui.lang(), p.languages()),
        p.timeZone().getId(),
        p.languages(),
        s != null && s.isPublished(),
        form,
        errors,
        speakerOptions(user, s),
        articles.all().stream().map(a -> new ArticleOption(a.number(), a.subjectKey())).toList());
  }

  /** Speakers the user manages, plus those already on the session. */
  List<Speaker> choosableSpeakers(LecternUser user, Session s) {
    Map<UUID, Speaker> all = new LinkedHashMap<>();
    speakers.manageableBy(user).forEach(sp -> all.put(sp.id(), sp));
    if (s != null) {
      speakers
          .findAll(sessions.speakers(s.id()).stream().map(x -> x.speakerId()).toList())
          .forEach(sp -> all.putIfAbsent(sp.id(), sp));
    }
    return List.copyOf(all.values());
  }

  private List<Option> speakerOptions(LecternUser user, Session s) {
    return choosableSpeakers(user, s).stream()
        .map(
            sp ->
                new Option(
                    sp.id().toString(),
                    sp.affiliation() == null
                        ? sp.fullName()
                        : sp.fullName() + " (" + sp.affiliation() + ")",
                    null))
        .sorted(Comparator.comparing(Option::label))
        .toList();
  }
}
