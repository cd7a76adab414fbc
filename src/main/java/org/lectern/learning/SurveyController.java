package org.lectern.learning;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lectern.registration.Registration;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The delegate's feedback surveys behind their personal link; no account and no script. */
@Controller
record SurveyController(KnowledgeTests tests, Surveys surveys) {

  private static final String BASE = "/learning/{registrationId}/{token}/feedback";

  @GetMapping({BASE, BASE + "/{sessionId}"})
  String show(
      @PathVariable String registrationId,
      @PathVariable String token,
      @PathVariable(required = false) String sessionId,
      Model model,
      Ui ui) {
    Registration r = tests.delegate(registrationId, token);
    var t = surveys.target(r.programmeId(), session(sessionId));
    model.addAttribute(
        "page", surveys.page(r, t, action(r, token, sessionId), Map.of(), FormErrors.none(), ui));
    return "learning/survey";
  }

  @PostMapping({BASE, BASE + "/{sessionId}"})
  String submit(
      @PathVariable String registrationId,
      @PathVariable String token,
      @PathVariable(required = false) String sessionId,
      @RequestParam Map<String, String> form,
      Model model,
      Ui ui,
      HttpServletResponse response) {
    Registration r = tests.delegate(registrationId, token);
    var t = surveys.target(r.programmeId(), session(sessionId));
    String action = action(r, token, sessionId);
    try {
      surveys.submit(r, t, form);
      return "redirect:" + action;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute(
          "page", surveys.page(r, t, action, new HashMap<>(form), FormErrors.of(e, ui), ui));
      return "learning/survey";
    } catch (ConflictException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("page", surveys.page(r, t, action, Map.of(), FormErrors.of(e, ui), ui));
      return "learning/survey";
    }
  }

  private static String action(Registration r, String token, String sessionId) {
    return "/learning/"
        + r.id()
        + "/"
        + token
        + "/feedback"
        + (sessionId == null ? "" : "/" + sessionId);
  }

  private static UUID session(String id) {
    if (id == null) {
      return null;
    }
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("learning.linkNotFound");
    }
  }
}
