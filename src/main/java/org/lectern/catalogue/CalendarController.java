package org.lectern.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.CalendarEntry;
import org.lectern.session.CalendarFiles;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.web.Ui;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Calendar files (.ics) for a session and for a whole programme. */
@RestController
class CalendarController {

  static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

  private final ProgrammeService programmes;
  private final SessionService sessions;
  private final String baseUrl;

  CalendarController(
      ProgrammeService programmes,
      SessionService sessions,
      @Value("${lectern.base-url}") String baseUrl) {
    this.programmes = programmes;
    this.sessions = sessions;
    this.baseUrl = baseUrl;
  }

  @GetMapping("/programmes/{slug}.ics")
  ResponseEntity<String> programme(@PathVariable String slug, Ui ui) {
    Programme p = programmes.publishedBySlug(slug).orElseThrow(CatalogueController::notFound);
    var entries = sessions.publishedOfProgramme(p.id()).stream().map(s -> entry(s, p, ui)).toList();
    return file(p.slug() + ".ics", CalendarFiles.write(p.title(ui.lang()), entries));
  }

  @GetMapping("/sessions/{id}.ics")
  ResponseEntity<String> session(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui) {
    Session s = sessions.visible(user, CatalogueController.parse(id));
    Programme p = programmes.find(s.programmeId()).orElseThrow();
    return file("session-" + s.id() + ".ics", CalendarFiles.write(null, List.of(entry(s, p, ui))));
  }

  private CalendarEntry entry(Session s, Programme p, Ui ui) {
    String url = baseUrl + "/sessions/" + s.id();
    String venue = s.mode().hasRoom() ? s.venue().in(ui.lang(), p.languages()) : "";
    return new CalendarEntry(
        s.id() + "@lectern",
        s.sequence(),
        s.startsAt(),
        s.endsAt(),
        s.updatedAt(),
        s.title().in(ui.lang(), p.languages()),
        p.title(ui.lang()) + "\n" + url,
        venue.isBlank() ? (s.mode().isOnline() ? url : null) : venue,
        url,
        false);
  }

  private static ResponseEntity<String> file(String name, String body) {
    return ResponseEntity.ok()
        .contentType(CALENDAR)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
