package org.lectern.learning;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormPost;
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

/**
 * A session's recording: the organiser's settings and quiz, and the delegate's page behind their
 * personal link (no account, no script), where passing the quiz earns credit for the session.
 */
@Controller
record RecordingController(
    Recordings recordings, RecordingViews views, PersonalDataCipher cipher, Materials materials) {

  private static final String ADMIN_VIEW = "learning/recording-admin";

  /** The session's materials the delegate may open, each behind their personal link. */
  private java.util.List<MaterialView> materials(Recordings.Viewer v, String token, Ui ui) {
    return materials.visibleTo(v).stream()
        .map(m -> MaterialViews.view(m, "/learning/r/" + token + "/materials/" + m.id(), ui))
        .toList();
  }

  @GetMapping("/admin/sessions/{id}/recording")
  String show(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @RequestParam(required = false) String done,
      Model model,
      Ui ui) {
    String notice =
        done != null && done.matches("saved|added|deleted")
            ? "learning.recording.done." + done
            : null;
    model.addAttribute(
        "page",
        views.admin(user, parse(id), Map.of(), FormErrors.none(), FormErrors.none(), notice, ui));
    return ADMIN_VIEW;
  }

  @PostMapping("/admin/sessions/{id}/recording")
  String save(@AuthenticationPrincipal LecternUser user, @PathVariable String id, FormPost post) {
    UUID sessionId = parse(id);
    Map<String, String> form = post.params().toSingleValueMap();
    Ui ui = post.ui();
    try {
      recordings.save(user, sessionId, form);
      return "redirect:/admin/sessions/" + sessionId + "/recording?done=saved";
    } catch (InvalidInputException e) {
      var page =
          views.admin(
              user,
              sessionId,
              new HashMap<>(form),
              FormErrors.of(e, ui),
              FormErrors.none(),
              null,
              ui);
      return post.redraw(e, page, ADMIN_VIEW);
    }
  }

  @PostMapping("/admin/sessions/{id}/recording/questions")
  String addQuestion(
      @AuthenticationPrincipal LecternUser user, @PathVariable String id, FormPost post) {
    UUID sessionId = parse(id);
    Map<String, String> form = post.params().toSingleValueMap();
    Ui ui = post.ui();
    try {
      recordings.addQuestion(user, sessionId, form);
      return "redirect:/admin/sessions/" + sessionId + "/recording?done=added";
    } catch (InvalidInputException | ConflictException e) {
      DomainException refused = (DomainException) e;
      var page =
          views.admin(
              user,
              sessionId,
              new HashMap<>(form),
              FormErrors.none(),
              FormErrors.of(refused, ui),
              null,
              ui);
      return post.redraw(refused, page, ADMIN_VIEW);
    }
  }

  @PostMapping("/admin/sessions/{id}/recording/questions/{qid}/delete")
  String deleteQuestion(
      @AuthenticationPrincipal LecternUser user,
      @PathVariable String id,
      @PathVariable String qid,
      Model model,
      Ui ui,
      HttpServletResponse response) {
    UUID sessionId = parse(id);
    UUID questionId = QuestionIds.parse(qid, () -> recordings.managed(user, sessionId));
    try {
      recordings.deleteQuestion(user, sessionId, questionId);
      return "redirect:/admin/sessions/" + sessionId + "/recording?done=deleted";
    } catch (ConflictException e) {
      var page =
          views.admin(user, sessionId, Map.of(), FormErrors.none(), FormErrors.of(e, ui), null, ui);
      return FormRefusal.redraw(e, page, ADMIN_VIEW, model, response);
    }
  }

  @GetMapping("/learning/r/{token}")
  String watch(@PathVariable String token, Model model, Ui ui, HttpServletRequest request) {
    var v = recordings.resolve(token);
    recordings.noteView(
        v,
        cipher.blindIndex(String.valueOf(request.getHeader("User-Agent")), "learning.agent"),
        cipher.blindIndex(String.valueOf(request.getRemoteAddr()), "learning.address"));
    model.addAttribute(
        "page", views.delegate(v, "/learning/r/" + token, Map.of(), FormErrors.none(), ui));
    model.addAttribute("materials", materials(v, token, ui));
    return "learning/recording";
  }

  @PostMapping("/learning/r/{token}")
  String quiz(
      @PathVariable String token,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      Ui ui,
      HttpServletResponse response) {
    var v = recordings.resolve(token);
    String action = "/learning/r/" + token;
    model.addAttribute("materials", materials(v, token, ui));
    Map<String, String> values = new HashMap<>();
    form.forEach((k, x) -> values.put(k, String.join(",", x)));
    try {
      recordings.submit(v, form);
      return "redirect:" + action + "#result";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      model.addAttribute("page", views.delegate(v, action, values, FormErrors.of(e, ui), ui));
      return "learning/recording";
    } catch (ConflictException e) {
      response.setStatus(409);
      model.addAttribute("page", views.delegate(v, action, Map.of(), FormErrors.of(e, ui), ui));
      return "learning/recording";
    }
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("session.notFound");
    }
  }
}
