package org.lectern.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.limit.TooManyRequestsException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormRefusal;
import org.lectern.shared.web.LocalRedirects;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The answer to the second step of signing in — or to a step-up before a sensitive action — by the
 * authenticator app's code ({@link SecondFactorController}) or by a passkey ({@link
 * PasskeySignInController}). Refused: the step's page again, the reason next to the field (422; 429
 * once the code attempts are spent). Passed: the session is marked verified and the sign-in goes on
 * with a new session id, or a step-up returns to the page that asked for it.
 */
@Component
record SecondStep(SecondFactors factors, SignInSuccess signIn, Clock clock) {

  static final String VIEW = "identity/second-factor";

  /**
   * Answers the step for {@code user}; {@code check} says what refuses the answer (null when it is
   * right). Its {@link TooManyRequestsException} (only codes are counted) redraws the page with
   * 429.
   */
  String answer(
      LecternUser user,
      String next,
      Supplier<InvalidInputException> check,
      HttpServletRequest req,
      HttpServletResponse res,
      Ui ui,
      Model model)
      throws IOException, ServletException {
    if (user == null) {
      return "redirect:/login";
    }
    boolean stepUp = stepUp(req);
    InvalidInputException refused;
    try {
      refused = check.get();
    } catch (TooManyRequestsException e) {
      var errors = FormErrors.of(InvalidInputException.of("code", e.code()), ui);
      return FormRefusal.redraw(e, page(user, stepUp, next(next), errors), VIEW, model, res);
    }
    if (refused != null) {
      res.setStatus(422);
      model.addAttribute("page", page(user, stepUp, next(next), FormErrors.of(refused, ui)));
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

  SecondFactorPage page(LecternUser user, boolean stepUp, String next, FormErrors errors) {
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
