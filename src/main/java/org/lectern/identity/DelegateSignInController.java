package org.lectern.identity;

import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the delegates' one-time sign-in link. Issuing the link and signing in are Spring
 * Security's one-time-token login (see {@link DelegateSecurityConfiguration}).
 */
@Controller
class DelegateSignInController {

  @GetMapping("/my/sign-in")
  String signIn(
      @RequestParam(required = false) String sent,
      @RequestParam(required = false) String expired,
      @RequestParam(required = false) String signedOut,
      Model model) {
    model.addAttribute(
        "page",
        new DelegateSignInPage(
            "", FormErrors.none(), sent != null, expired != null, signedOut != null));
    return "identity/delegate-sign-in";
  }

  /** Reached only when no link was issued: the answer must not tell why. */
  @PostMapping("/my/sign-in")
  String signInNotIssued(@RequestParam(defaultValue = "") String email, Model model, Ui ui) {
    if (!Emails.isValid(email)) {
      FormErrors errors = emailError(ui);
      model.addAttribute("page", new DelegateSignInPage(email, errors, false, false, false));
      return "identity/delegate-sign-in";
    }
    return "redirect:/my/sign-in?sent";
  }

  private static FormErrors emailError(Ui ui) {
    try {
      new InvalidInputException.Collector().add("email", "validation.email").throwIfAny();
      return FormErrors.none();
    } catch (InvalidInputException e) {
      return FormErrors.of(e, ui);
    }
  }

  @GetMapping("/my/sign-in/token")
  String confirm(@RequestParam(defaultValue = "") String token, Model model) {
    model.addAttribute("page", new DelegateTokenPage(token));
    return "identity/delegate-token";
  }
}
