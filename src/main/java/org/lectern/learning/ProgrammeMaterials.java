package org.lectern.learning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Component;

/**
 * What the programme's public page lists for everyone: recordings open to the public within their
 * window (the provider's link), and public materials of its published sessions.
 */
@Component
public record ProgrammeMaterials(
    ProgrammeService programmes,
    SessionService sessions,
    RecordingRepository recordings,
    Materials materials,
    Clock clock) {

  /**
   * One line of the list.
   *
   * @param external a link to the recording's provider (another site)
   */
  public record Item(String text, String href, boolean external, String id) {}

  public List<Item> about(UUID programmeId, Ui ui) {
    Programme p = programmes.find(programmeId).orElse(null);
    if (p == null || !p.isPublished()) {
      return List.of();
    }
    Map<UUID, String> titles = new HashMap<>();
    for (Session s : sessions.publishedOfProgramme(programmeId)) {
      titles.put(s.id(), s.title().in(ui.lang(), p.languages()));
    }
    Instant now = clock.instant();
    var zone = ui.zoneOr(p.timeZone());
    List<Item> out = new ArrayList<>();
    for (Recording r : recordings.ofProgramme(programmeId)) {
      if (r.access() == RecordingAccess.PUBLIC
          && r.available(now)
          && titles.containsKey(r.sessionId())) {
        out.add(
            new Item(
                ui.t(
                    "learning.material.public.recording",
                    titles.get(r.sessionId()),
                    ui.time().dateTime(r.availableUntil(), zone)
                        + " ("
                        + ui.zoneLabel(zone, r.availableUntil())
                        + ")"),
                r.url(),
                true,
                "recording-" + r.sessionId()));
      }
    }
    for (Material m : materials.publicOfProgramme(programmeId)) {
      if (titles.containsKey(m.sessionId())) {
        out.add(
            new Item(
                ui.t(
                    "learning.material.public.file",
                    m.title(),
                    MaterialViews.typeLabel(m.contentType()),
                    MaterialViews.size(m.sizeBytes(), ui)),
                "/materials/" + m.id(),
                false,
                "material-" + m.id()));
      }
    }
    return out;
  }
}
