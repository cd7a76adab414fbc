package org.lectern.catalogue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.catalogue.CatalogueViews.PersonLink;
import org.lectern.catalogue.CatalogueViews.SessionRow;
import org.lectern.catalogue.CatalogueViews.TopicLink;
import org.lectern.programme.Programme;
import org.lectern.reference.IccprArticles;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.session.SessionSpeaker;
import org.lectern.shared.web.Ui;
import org.lectern.speaker.Speaker;
import org.lectern.speaker.SpeakerService;
import org.springframework.stereotype.Component;

/** Builds schedule rows: times in the viewer's zone, with the programme's zone when different. */
@Component
class ScheduleViews {

  private final SessionService sessions;
  private final SpeakerService speakers;
  private final IccprArticles articles;

  ScheduleViews(SessionService sessions, SpeakerService speakers, IccprArticles articles) {
    this.sessions = sessions;
    this.speakers = speakers;
    this.articles = articles;
  }

  SessionRow row(Session s, Programme p, Ui ui) {
    ZoneId viewer = ui.zoneOr(p.timeZone());
    String when = ui.time().range(s.startsAt(), s.endsAt(), viewer);
    String whenProgramme =
        viewer.equals(p.timeZone())
            ? null
            : ui.time().range(s.startsAt(), s.endsAt(), p.timeZone());
    return new SessionRow(
        s.id().toString(),
        s.title().show(ui.lang(), p.languages()),
        when,
        whenProgramme,
        s.startsAt().toString(),
        "session.mode." + s.mode().name(),
        s.language(),
        s.interpretationLanguages(),
        topics(s.iccprArticles()),
        people(s),
        s.venue().isEmpty() ? null : s.venue().show(ui.lang(), p.languages()),
        s.isPublished());
  }

  List<TopicLink> topics(List<Integer> numbers) {
    return articles.of(numbers).stream()
        .map(a -> new TopicLink(a.number(), a.subjectKey()))
        .toList();
  }

  List<PersonLink> people(Session s) {
    List<SessionSpeaker> assigned = sessions.speakers(s.id());
    Map<java.util.UUID, Speaker> byId = new LinkedHashMap<>();
    speakers
        .findAll(assigned.stream().map(SessionSpeaker::speakerId).distinct().toList())
        .forEach(sp -> byId.put(sp.id(), sp));
    List<PersonLink> out = new ArrayList<>();
    for (SessionSpeaker a : assigned) {
      Speaker sp = byId.get(a.speakerId());
      if (sp != null && sp.published()) {
        out.add(
            new PersonLink(sp.id().toString(), sp.fullName(), "speaker.role." + a.role().name()));
      }
    }
    return out;
  }

  String zoneNote(Programme p, Ui ui, java.time.Instant at) {
    ZoneId viewer = ui.zoneOr(p.timeZone());
    if (viewer.equals(p.timeZone())) {
      return ui.t("catalogue.zone.same", ui.zoneLabel(viewer, at));
    }
    return ui.t(
        "catalogue.zone.different", ui.zoneLabel(viewer, at), ui.zoneLabel(p.timeZone(), at));
  }
}
