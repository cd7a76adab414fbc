package org.lectern.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormData;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormRefusal;
import org.lectern.shared.web.Ui;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The moderator console (queue, polls, hands, chat, room settings) and the projector view. */
@Controller
record ModerationController(
    LiveAccess access,
    TablePages tables,
    LivePages pages,
    QuestionService questions,
    PollService polls,
    Floor floor,
    RoomSettings settings) {

  /** The programme menu on the console, for those who manage the programme. */
  private void menu(Model model, UUID sessionId, LecternUser user) {
    model.addAttribute(
        "programmeNav", access.managedProgramme(sessionId, user).map(UUID::toString).orElse(null));
  }

  private static String console(UUID id) {
    return "redirect:/sessions/" + id + "/live/moderate";
  }

  @GetMapping("/sessions/{id}/live/moderate")
  String console(
      @PathVariable UUID id,
      @Moderator Viewer v,
      @RequestParam(defaultValue = "votes") String sort,
      @AuthenticationPrincipal LecternUser user,
      HttpServletRequest req,
      Model model,
      Ui ui) {
    model.addAttribute(
        "page",
        pages.page(
            v, ui, !"time".equals(sort), true, Viewers.joinBase(req, id), "", FormErrors.none()));
    menu(model, id, user);
    return "live/moderate";
  }

  @GetMapping("/sessions/{id}/live/projector")
  String projector(
      @PathVariable UUID id, @Moderator Viewer v, HttpServletRequest req, Model model, Ui ui) {
    model.addAttribute(
        "page", pages.page(v, ui, true, false, Viewers.joinBase(req, id), "", FormErrors.none()));
    model.addAttribute("tableNote", tables.spotlight(id).orElse(null));
    return "live/projector";
  }

  @PostMapping(
      "/sessions/{id}/live/questions/{qid}/{action:approve|answer|hide|pin|unpin|spotlight}")
  String moderate(
      @PathVariable UUID id,
      @PathVariable UUID qid,
      @PathVariable String action,
      @Moderator Viewer v) {
    questions.moderate(v, qid, QuestionService.Action.valueOf(action.toUpperCase(Locale.ROOT)));
    return console(id) + "#q-" + qid;
  }

  @PostMapping("/sessions/{id}/live/polls")
  String prepare(
      @PathVariable UUID id,
      @Moderator Viewer v,
      @AuthenticationPrincipal LecternUser user,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletRequest req,
      HttpServletResponse res,
      Model model,
      Ui ui) {
    FormData form = new FormData(params);
    try {
      polls.prepare(
          v,
          form.get("question"),
          Arrays.asList(form.raw("options").split("\\R")),
          form.checked("multiple"));
    } catch (InvalidInputException e) {
      var page =
          pages.page(
              v,
              ui,
              true,
              true,
              Viewers.joinBase(req, id),
              form.raw("question"),
              FormErrors.of(e, ui));
      menu(model, id, user);
      return FormRefusal.redraw(e, page, "live/moderate", model, res);
    }
    return console(id) + "#polls";
  }

  @PostMapping("/sessions/{id}/live/polls/{pid}/{action:open|close}")
  String pollState(
      @PathVariable UUID id,
      @PathVariable UUID pid,
      @PathVariable String action,
      @Moderator Viewer v) {
    if (action.equals("open")) {
      polls.open(v, pid);
    } else {
      polls.close(v, pid);
    }
    return console(id) + "#poll-" + pid;
  }

  @GetMapping("/sessions/{id}/live/polls/{pid}/results.csv")
  ResponseEntity<String> csv(@PathVariable UUID id, @PathVariable UUID pid, @Moderator Viewer v) {
    String body = polls.csv(v, pid);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename("poll-" + pid + ".csv").build().toString())
        .body(body);
  }

  @PostMapping("/sessions/{id}/live/settings")
  String settings(
      @PathVariable UUID id,
      @Moderator Viewer moderator,
      @RequestParam MultiValueMap<String, String> params) {
    FormData form = new FormData(params);
    Anonymity a;
    try {
      a = Anonymity.valueOf(form.get("anonymity"));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("anonymity", "validation.choice");
    }
    settings.change(moderator, form.checked("premoderation"), form.checked("chat"), a);
    return console(id) + "#settings";
  }

  @PostMapping("/sessions/{id}/live/participants/{pid}/remove")
  String remove(@PathVariable UUID id, @PathVariable UUID pid, @Moderator Viewer v) {
    settings.remove(v, pid);
    return console(id) + "#hands";
  }

  @PostMapping("/sessions/{id}/live/hands/{pid}/lower")
  String lower(@PathVariable UUID id, @PathVariable UUID pid, @Moderator Viewer v) {
    floor.lowerHand(v, pid);
    return console(id) + "#hands";
  }

  @PostMapping("/sessions/{id}/live/chat/{mid}/hide")
  String hideChat(@PathVariable UUID id, @PathVariable UUID mid, @Moderator Viewer v) {
    floor.hideChat(v, mid);
    return console(id) + "#chat";
  }

  @PostMapping("/sessions/{id}/live/join-code")
  String newCode(@PathVariable UUID id, @Moderator Viewer v) {
    settings.newJoinKey(v);
    return console(id) + "#join";
  }
}
