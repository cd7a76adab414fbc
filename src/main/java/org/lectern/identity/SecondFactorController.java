package org.lectern.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The code from the authenticator app (or a recovery code): as the second step of signing in, and
 * again before a sensitive action when the last one is older than ten minutes. Works without
 * JavaScript.
 */
@Controller
record SecondFactorController(SecondFactors factors, SecondStep step) {

  @GetMapping(SignInSuccess.SECOND_STEP)
  String show(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) String next,
      HttpServletRequest req,
      Model model) {
    if (user == null) {
      return "redirect:/login";
    }
    if (!factors.enrolled(user.id())) {
      return "redirect:/admin";
    }
    model.addAttribute(
        "page", step.page(user, SecondStep.stepUp(req), SecondStep.next(next), FormErrors.none()));
    return SecondStep.VIEW;
  }

  @PostMapping(SignInSuccess.SECOND_STEP)
  String verify(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(required = false) String next,
      HttpServletRequest req,
      HttpServletResponse res,
      Ui ui,
      Model model)
      throws IOException, ServletException {
    return step.answer(user, next, () -> refusal(user, code), req, res, ui, model);
  }

  /** Why the code is refused, or null when it is right. */
  private InvalidInputException refusal(LecternUser user, String code) {
    if (code.isBlank()) {
      return InvalidInputException.of("code", "validation.required");
    }
    return factors.verify(user, code)
        ? null
        : InvalidInputException.of("code", "identity.factor.wrongCode");
  }
}
