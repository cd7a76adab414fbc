package org.lectern.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.limit.TooManyRequestsException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormRefusal;
import org.lectern.shared.web.LocalRedirects;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
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
record SecondFactorController(SecondFactors factors, SignInSuccess signIn, Clock clock) {

  static final String VIEW = "identity/second-factor";

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
    model.addAttribute("page", page(factors, user, stepUp(req), next(next), FormErrors.none()));
    return VIEW;
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
    if (user == null) {
      return "redirect:/login";
    }
    boolean stepUp = stepUp(req);
    InvalidInputException refused = null;
    try {
      if (code.isBlank()) {
        refused = InvalidInputException.of("code", "validation.required");
      } else if (!factors.verify(user, code)) {
        refused = InvalidInputException.of("code", "identity.factor.wrongCode");
      }
    } catch (TooManyRequestsException e) {
      var errors = FormErrors.of(InvalidInputException.of("code", e.code()), ui);
      return FormRefusal.redraw(
          e, page(factors, user, stepUp, next(next), errors), VIEW, model, res);
    }
    if (refused != null) {
      res.setStatus(422);
      model.addAttribute(
          "page", page(factors, user, stepUp, next(next), FormErrors.of(refused, ui)));
      return VIEW;
    }
    SignInState.verified(clock.instant()).store(req.getSession());
    if (!stepUp) {
      // The session is now fully signed in: a new id, so one seen before this step is worthless.
      req.changeSessionId();
      signIn.continueAfterSecondFactor(
          req, res, SecurityContextHolder.getContext().getAuthentication());
      return null;
    }
    return "redirect:" + next(next);
  }

  static SecondFactorPage page(
      SecondFactors factors, LecternUser user, boolean stepUp, String next, FormErrors errors) {
    return new SecondFactorPage(
        stepUp, next, errors, factors.takesCodes(user.id()), factors.hasPasskeys(user.id()));
  }

  static boolean stepUp(HttpServletRequest req) {
    SignInState state = SignInState.of(req.getSession(false));
    return state != null && state.stage() == SignInState.Stage.DONE;
  }

  static String next(String next) {
    String safe = next == null ? "/admin" : LocalRedirects.safe(next);
    return "/".equals(safe) ? "/admin" : safe;
  }
}
