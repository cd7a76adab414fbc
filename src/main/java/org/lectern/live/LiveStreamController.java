package org.lectern.live;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.ForbiddenException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The room's event stream (text/event-stream) for the page's script and for API clients. A
 * reconnecting client sends Last-Event-ID and gets exactly what it missed; an id that is not a
 * number, negative or beyond the newest event is not trusted: the stream starts from the beginning
 * instead.
 */
@RestController
record LiveStreamController(
    Viewers viewers, LiveStream stream, EventLog events, ApiTokenService tokens) {

  @GetMapping(value = "/sessions/{id}/live/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter web(
      @PathVariable UUID id,
      Viewer v,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(name = "after", required = false) String after) {
    return open(v, lastEventId != null ? lastEventId : after);
  }

  @GetMapping(
      value = "/api/v1/sessions/{id}/live/events",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter api(
      @PathVariable UUID id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(name = "after", required = false) String after,
      HttpServletRequest req) {
    LecternUser user = ApiCaller.user(tokens, req);
    return open(viewers.of(id, user, req), lastEventId != null ? lastEventId : after);
  }

  private SseEmitter open(Viewer v, String lastEventId) {
    if (!v.inRoom() && !v.moderator()) {
      throw new ForbiddenException("live.notAllowed");
    }
    return stream.open(
        v.session().id(), v.inRoom() ? v.participant().id() : null, trusted(lastEventId));
  }

  /** The id to resume after; 0 (the beginning) for anything forged or out of range. */
  long trusted(String lastEventId) {
    if (lastEventId == null || !lastEventId.strip().matches("\\d{1,18}")) {
      return 0;
    }
    long id = Long.parseLong(lastEventId.strip());
    return id > events.latest() ? 0 : id;
  }
}
