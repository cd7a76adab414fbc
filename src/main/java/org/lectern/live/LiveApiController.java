package org.lectern.live;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.lectern.identity.ApiTokenService;
import org.lectern.shared.error.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live room API: ask (a registered delegate's room pass in {@code Live-Pass}, or an organiser's or
 * speaker's bearer token) and read the public queue.
 */
@RestController
record LiveApiController(Viewers viewers, QuestionService questions, ApiTokenService tokens) {

  /** What a client sends to ask. */
  record AskRequest(String text, Boolean anonymous) {}

  /** A question as the room sees it; {@code author} is absent for anonymous questions. */
  record QuestionJson(
      UUID id,
      String text,
      String author,
      int votes,
      String status,
      boolean pinned,
      String createdAt) {
    static QuestionJson of(Question q) {
      return new QuestionJson(
          q.id(),
          q.body(),
          q.authorName(),
          q.votes(),
          q.status().name(),
          q.pinned(),
          q.createdAt().toString());
    }
  }

  @PostMapping("/api/v1/sessions/{id}/live/questions")
  ResponseEntity<QuestionJson> ask(
      @PathVariable UUID id, @RequestBody AskRequest body, HttpServletRequest req) {
    Viewer v = viewers.of(id, ApiCaller.user(tokens, req), req);
    Question q = questions.ask(v, body.text(), body.anonymous() != null && body.anonymous());
    return ResponseEntity.created(
            URI.create("/api/v1/sessions/" + id + "/live/questions/" + q.id()))
        .body(QuestionJson.of(q));
  }

  @GetMapping("/api/v1/sessions/{id}/live/questions")
  List<QuestionJson> list(@PathVariable UUID id, HttpServletRequest req) {
    Viewer v = viewers.of(id, ApiCaller.user(tokens, req), req);
    if (!v.inRoom() && !v.moderator()) {
      throw new ForbiddenException("live.notAllowed");
    }
    return questions.queue(id, true).stream()
        .filter(q -> v.moderator() || q.publicView())
        .map(QuestionJson::of)
        .toList();
  }
}
