package org.lectern.learning;

import java.util.HashMap;
import java.util.Map;
import org.lectern.registration.Registration;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The delegate's knowledge test behind their personal link ({@code /learning/{registration}/{token}
 * /pre|post}): no account and no script needed, from the e-mail or from "My trainings".
 */
@Controller
record TestController(KnowledgeTests tests) {

  @GetMapping("/learning/{registrationId}/{token}/{kind:pre|post}")
  String show(
      @PathVariable String registrationId,
      @PathVariable String token,
      @PathVariable String kind,
      Model model,
      Ui ui) {
    Registration r = tests.delegate(registrationId, token);
    TestKind k = kind(kind);
    model.addAttribute("page", tests.page(r, k, action(r, token, k), ui));
    return "learning/test";
  }

  @PostMapping("/learning/{registrationId}/{token}/{kind:pre|post}")
  String submit(
      @PathVariable String registrationId,
      @PathVariable String token,
      @PathVariable String kind,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      Ui ui,
      jakarta.servlet.http.HttpServletResponse response) {
    Registration r = tests.delegate(registrationId, token);
    TestKind k = kind(kind);
    String action = action(r, token, k);
    Map<String, String> values = new HashMap<>();
    form.forEach((key, v) -> values.put(key, String.join(",", v)));
    try {
      TestPage again = tests.submit(r, k, action, values, ui);
      if (again != null) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("page", again);
        return "learning/test";
      }
      return "redirect:" + action;
    } catch (ConflictException e) {
      // Answered already, or outside the window: say so above the page as it now stands.
      TestPage page = tests.page(r, k, action, ui);
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("page", page.withError(FormErrors.of(e, ui)));
      return "learning/test";
    }
  }

  private static String action(Registration r, String token, TestKind k) {
    return "/learning/" + r.id() + "/" + token + "/" + k.slug();
  }

  private static TestKind kind(String slug) {
    return TestKind.ofSlug(slug).orElseThrow(() -> new NotFoundException("learning.linkNotFound"));
  }
}
