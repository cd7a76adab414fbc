package org.lectern.learning;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.lectern.registration.Registration;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The delegate's follow-up survey behind the personal link in the e-mail (no account, no script).
 */
@Controller
record FollowUpController(KnowledgeTests tests, FollowUps followUps) {

  private static final String PATH = "/learning/{registrationId}/{token}/follow-up";

  @GetMapping(PATH)
  String show(@PathVariable String registrationId, @PathVariable String token, Model model, Ui ui) {
    Registration r = tests.delegate(registrationId, token);
    model.addAttribute(
        "page", followUps.page(r, action(r, token), Map.of(), FormErrors.none(), ui));
    return "learning/follow-up";
  }

  @PostMapping(PATH)
  String submit(
      @PathVariable String registrationId,
      @PathVariable String token,
      @RequestParam Map<String, String> form,
      Model model,
      Ui ui,
      HttpServletResponse response) {
    Registration r = tests.delegate(registrationId, token);
    String action = action(r, token);
    try {
      followUps.submit(r, form);
      return "redirect:" + action;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute(
          "page", followUps.page(r, action, new HashMap<>(form), FormErrors.of(e, ui), ui));
      return "learning/follow-up";
    } catch (ConflictException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("page", followUps.page(r, action, Map.of(), FormErrors.of(e, ui), ui));
      return "learning/follow-up";
    }
  }

  private static String action(Registration r, String token) {
    return "/learning/" + r.id() + "/" + token + "/follow-up";
  }
}
