package org.lectern.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.admin.AdminViews.OwnProfileRow;
import org.lectern.admin.AdminViews.SpeakerSessionRow;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeRole;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.web.Ui;
import org.lectern.speaker.Speaker;
import org.lectern.speaker.SpeakerAccounts;
import org.springframework.stereotype.Component;

/**
 * A speaker's corner of the back office: the sessions they speak at (through their linked speaker
 * record, or the programme role SPEAKER) and the languages their own profile is written in.
 */
@Component
record OwnSpeakerService(
    SpeakerAccounts accounts, SessionService sessions, ProgrammeService programmes) {

  List<OwnProfileRow> profiles(LecternUser user) {
    return accounts.mine(user).stream()
        .map(s -> new OwnProfileRow(s.id().toString(), s.fullName()))
        .toList();
  }

  /** Sessions not yet over where the person speaks, soonest first. */
  List<SpeakerSessionRow> sessions(LecternUser user, List<Programme> visible, Ui ui) {
    Map<UUID, Session> found = new LinkedHashMap<>();
    for (Speaker sp : accounts.mine(user)) {
      sessions.publishedWithSpeaker(sp.id()).forEach(s -> found.putIfAbsent(s.id(), s));
    }
    for (Programme p : visible) {
      if (programmes.hasRole(user, p, ProgrammeRole.SPEAKER)) {
        sessions.publishedOfProgramme(p.id()).forEach(s -> found.putIfAbsent(s.id(), s));
      }
    }
    Instant now = Instant.now();
    List<SpeakerSessionRow> rows = new ArrayList<>();
    found.values().stream()
        .filter(s -> s.endsAt().isAfter(now))
        .sorted(Comparator.comparing(Session::startsAt))
        .forEach(
            s ->
                programmes
                    .find(s.programmeId())
                    .ifPresent(
                        p -> {
                          var zone = ui.zoneOr(p.timeZone());
                          rows.add(
                              new SpeakerSessionRow(
                                  s.id().toString(),
                                  s.title().show(ui.lang(), p.languages()),
                                  p.title().show(ui.lang(), p.languages()),
                                  ui.time().range(s.startsAt(), s.endsAt(), zone),
                                  ui.zoneLabel(zone, s.startsAt()),
                                  programmeTime(s, p, zone, ui)));
                        }));
    return rows;
  }

  /**
   * The session's time in the programme's zone, that zone named, for a viewer in another zone (a
   * speaker in London, door staff who chose their own zone); null when the zones are the same.
   */
  static String programmeTime(Session s, Programme p, ZoneId zone, Ui ui) {
    if (zone.equals(p.timeZone())) {
      return null;
    }
    return ui.t(
        "admin.dashboard.programmeTime",
        ui.zoneLabel(p.timeZone(), s.startsAt()),
        ui.time().range(s.startsAt(), s.endsAt(), p.timeZone()));
  }

  /** The languages of the programmes the speaker's sessions belong to; all three when none. */
  List<String> languages(Speaker speaker, Ui ui) {
    Set<String> langs = new LinkedHashSet<>();
    for (Session s : sessions.publishedWithSpeaker(speaker.id())) {
      programmes.find(s.programmeId()).ifPresent(p -> langs.addAll(p.languages()));
    }
    if (langs.isEmpty()) {
      ui.languages().forEach(l -> langs.add(l.code()));
    }
    return List.copyOf(langs);
  }
}
