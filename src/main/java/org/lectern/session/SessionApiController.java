package org.lectern.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.IdempotentCreate;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Json;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.api.Paging;
import org.lectern.shared.web.api.TextValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API for sessions (API.md). */
@RestController
@Tag(name = "Sessions")
record SessionApiController(
    SessionService sessions,
    ProgrammeService programmes,
    @Value("${lectern.base-url}") String baseUrl) {

  record MeetingBody(@Size(max = 40) String provider, @Size(max = 2000) String url) {}

  record SpeakerBody(String speakerId, String role) {}

  record CreateSession(
      TextValue title,
      @com.fasterxml.jackson.annotation.JsonProperty("abstract") TextValue summary,
      @Size(max = 64) String startsAt,
      @Size(max = 64) String endsAt,
      @Size(max = 20) String mode,
      @Size(max = 60) List<Integer> iccprArticles,
      @Size(max = 8) String language,
      @Size(max = 3) List<String> interpretationLanguages,
      Integer roomCapacity,
      TextValue venue,
      MeetingBody meeting,
      @Size(max = 20) List<SpeakerBody> speakers,
      @Size(max = 20) String status) {}

  @PostMapping("/api/v1/programmes/{id}/sessions")
  @Operation(summary = "Add a session to a programme (published unless status is DRAFT)")
  ResponseEntity<?> create(
      IdempotentCreate creation, @PathVariable String id, @Valid @RequestBody CreateSession body) {
    UUID programmeId = uuid(id);
    Programme p = programmes.manageable(creation.actor(), programmeId);
    return creation.runWithin(
        programmeId,
        Json.write(body),
        () -> {
          var problems = new InvalidInputException.Collector();
          Instant starts = instant(body.startsAt(), "startsAt", problems);
          Instant ends = instant(body.endsAt(), "endsAt", problems);
          List<SessionSpeaker> people = speakers(body.speakers(), problems);
          problems.throwIfAny();
          var raw =
              new SessionInput.Raw(
                  TextValue.orEmpty(body.title(), p.mainLanguage()),
                  TextValue.orEmpty(body.summary(), p.mainLanguage()),
                  starts,
                  ends,
                  body.mode(),
                  TextValue.orEmpty(body.venue(), p.mainLanguage()),
                  body.roomCapacity(),
                  body.language(),
                  body.interpretationLanguages(),
                  body.iccprArticles(),
                  body.meeting() == null ? null : body.meeting().provider(),
                  body.meeting() == null ? null : body.meeting().url());
          boolean publish =
              body.status() == null || !"DRAFT".equalsIgnoreCase(body.status().strip());
          Session s = sessions.create(creation.actor(), programmeId, raw, people, publish);
          return ResponseEntity.created(URI.create("/api/v1/sessions/" + s.id()))
              .body(SessionJson.of(s, p.timeZone(), p.mainLanguage(), true, people, baseUrl));
        });
  }

  @GetMapping("/api/v1/programmes/{id}/sessions")
  ResponseEntity<List<SessionJson>> list(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    Paging paging = Paging.of(limit, offset);
    UUID programmeId = uuid(id);
    Programme p = programmes.visible(user, programmeId);
    boolean manager = programmes.canManage(user, p);
    List<Session> all = sessions.visibleOfProgramme(user, programmeId);
    var items =
        all.stream()
            .skip(paging.offset())
            .limit(paging.limit())
            .map(
                s ->
                    SessionJson.of(
                        s,
                        p.timeZone(),
                        p.mainLanguage(),
                        manager,
                        sessions.speakers(s.id()),
                        baseUrl))
            .toList();
    return ResponseEntity.ok().header(Paging.TOTAL_HEADER, String.valueOf(all.size())).body(items);
  }

  @GetMapping("/api/v1/sessions/{id}")
  SessionJson get(@AuthenticationPrincipal LecternUser user, @PathVariable String id) {
    Session s = sessions.visible(user, uuid(id));
    Programme p = programmes.find(s.programmeId()).orElseThrow();
    return SessionJson.of(
        s,
        p.timeZone(),
        p.mainLanguage(),
        programmes.canManage(user, p),
        sessions.speakers(s.id()),
        baseUrl);
  }

  private static Instant instant(String value, String field, InvalidInputException.Collector p) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      p.add(field, "validation.dateTimeOffset");
      return null;
    }
  }

  private static List<SessionSpeaker> speakers(
      List<SpeakerBody> body, InvalidInputException.Collector p) {
    if (body == null) {
      return List.of();
    }
    List<SessionSpeaker> out = new java.util.ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      try {
        out.add(
            new SessionSpeaker(
                UUID.fromString(body.get(i).speakerId()),
                SpeakerRole.valueOf(String.valueOf(body.get(i).role())),
                i));
      } catch (IllegalArgumentException | NullPointerException e) {
        p.add("speakers[" + i + "]", "validation.invalid");
      }
    }
    return out;
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("error.notFound");
    }
  }
}
