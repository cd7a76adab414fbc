package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.limit.TooManyRequestsException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormRefusal;
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

  private final DelegateAccess access;
  private final DelegateSignInLimits limits;

  DelegateSignInController(DelegateAccess access, DelegateSignInLimits limits) {
    this.access = access;
    this.limits = limits;
  }

  @GetMapping("/my/sign-in")
  String signIn(
      @RequestParam(required = false) String sent,
      @RequestParam(required = false) String expired,
      @RequestParam(required = false) String signedOut,
      Model model) {
    model.addAttribute(
        "page",
        new DelegateSignInPage(
            "", FormErrors.none(), sent != null, expired != null, signedOut != null, false));
    return "identity/delegate-sign-in";
  }

  /**
   * A request for a link. Counted per network address first (a refusal depends only on where the
   * request comes from); then every well-formed address gets the same work and the same answer,
   * whether it is registered, unknown or over its own limit (DelegateAccess.request).
   */
  @PostMapping("/my/sign-in")
  String requestLink(
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest req,
      HttpServletResponse res,
      Model model,
      Ui ui) {
    String shown = email.length() > 254 ? email.substring(0, 254) : email.strip();
    try {
      limits.client(req.getRemoteAddr());
    } catch (TooManyRequestsException e) {
      return FormRefusal.redraw(
          e,
          new DelegateSignInPage(shown, FormErrors.none(), false, false, false, true),
          "identity/delegate-sign-in",
          model,
          res);
    }
    if (!access.request(email)) {
      res.setStatus(422);
      model.addAttribute(
          "page", new DelegateSignInPage(shown, emailError(ui), false, false, false, false));
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
