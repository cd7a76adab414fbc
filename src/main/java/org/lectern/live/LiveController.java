package org.lectern.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.web.FormData;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormRefusal;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The participant's live page (phone first) and what it posts; works without JavaScript. */
@Controller
record LiveController(
    TablePages tables,
    Viewers viewers,
    LivePages pages,
    QuestionService questions,
    PollService polls,
    Floor floor,
    LiveRateLimits limits) {

  static String room(UUID id) {
    return "redirect:/sessions/" + id + "/live";
  }

  @GetMapping("/sessions/{id}/live")
  String page(
      @PathVariable UUID id,
      Viewer v,
      @RequestParam(defaultValue = "votes") String sort,
      @RequestParam(defaultValue = "") String tables,
      HttpServletRequest req,
      Model model,
      Ui ui) {
    model.addAttribute(
        "page",
        pages.page(
            v, ui, !"time".equals(sort), false, Viewers.joinBase(req, id), "", FormErrors.none()));
    model.addAttribute("table", this.tables.delegate(v, ui, null, FormErrors.none()).orElse(null));
    model.addAttribute("tablesClosed", "closed".equals(tables));
    return v.inRoom() ? "live/room" : "live/enter";
  }

  @GetMapping("/sessions/{id}/live/join")
  String joinForm(
      @PathVariable UUID id,
      Viewer v,
      @RequestParam(name = "k", defaultValue = "") String key,
      Model model,
      Ui ui) {
    model.addAttribute("page", new JoinPage(id, pages.title(v, ui), key, "", FormErrors.none()));
    return "live/join";
  }

  @PostMapping("/sessions/{id}/live/join")
  String join(
      @PathVariable UUID id,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletRequest req,
      HttpServletResponse res,
      Model model,
      Ui ui) {
    FormData form = new FormData(params);
    // Counted before the room is looked up: guessing join codes costs the same for every room.
    limits.check(req.getRemoteAddr(), LiveRateLimits.Action.JOIN);
    Viewer v = viewers.of(id, user, req);
    try {
      viewers.join(v, form.get("k"), form.get("displayName"), req, res);
    } catch (DomainException e) {
      var page =
          new JoinPage(
              id, pages.title(v, ui), form.get("k"), form.get("displayName"), FormErrors.of(e, ui));
      return FormRefusal.redraw(e, page, "live/join", model, res);
    }
    return room(id);
  }

  @PostMapping("/sessions/{id}/live/questions")
  String ask(
      @PathVariable UUID id,
      Viewer v,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletRequest req,
      HttpServletResponse res,
      Model model,
      Ui ui) {
    FormData form = new FormData(params);
    try {
      questions.ask(v, form.raw("text"), form.checked("anonymous"));
    } catch (org.lectern.shared.error.InvalidInputException
        | org.lectern.shared.error.ConflictException e) {
      var page =
          pages.page(
              v,
              ui,
              true,
              false,
              Viewers.joinBase(req, id),
              form.raw("text"),
              FormErrors.of(e, ui));
      return FormRefusal.redraw(e, page, "live/room", model, res);
    }
    return room(id) + "?asked";
  }

  @PostMapping("/sessions/{id}/live/questions/{qid}/vote")
  String vote(@PathVariable UUID id, @PathVariable UUID qid, Viewer v) {
    questions.vote(v, qid);
    return room(id) + "#q-" + qid;
  }

  @PostMapping("/sessions/{id}/live/polls/{pid}/vote")
  String pollVote(
      @PathVariable UUID id,
      @PathVariable UUID pid,
      Viewer v,
      @RequestParam MultiValueMap<String, String> params) {
    FormData form = new FormData(params);
    Set<UUID> choice = new HashSet<>();
    for (String o : form.all("option")) {
      try {
        choice.add(UUID.fromString(o));
      } catch (IllegalArgumentException e) {
        throw org.lectern.shared.error.InvalidInputException.of("option", "live.poll.badChoice");
      }
    }
    polls.vote(v, pid, choice);
    return room(id) + "#poll-" + pid;
  }

  @PostMapping("/sessions/{id}/live/hand")
  String hand(@PathVariable UUID id, Viewer v, @RequestParam MultiValueMap<String, String> params) {
    FormData form = new FormData(params);
    floor.hand(v, form.checked("raise"));
    return room(id) + "#hands";
  }

  @PostMapping("/sessions/{id}/live/chat")
  String chat(@PathVariable UUID id, Viewer v, @RequestParam MultiValueMap<String, String> params) {
    FormData form = new FormData(params);
    floor.chat(v, form.raw("message"));
    return room(id) + "#chat";
  }

  @PostMapping("/sessions/{id}/live/reactions")
  String react(
      @PathVariable UUID id, Viewer v, @RequestParam MultiValueMap<String, String> params) {
    FormData form = new FormData(params);
    floor.react(v, form.get("kind"));
    return room(id) + "#reactions";
  }
}
