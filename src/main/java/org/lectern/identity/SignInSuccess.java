package org.lectern.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After a right password: to the second step when the person has a second factor, to setting one up
 * when they must have one, otherwise where they were going (the back office by default).
 */
@Component
class SignInSuccess implements AuthenticationSuccessHandler {

  static final String SECOND_STEP = "/login/second-factor";
  static final String ENROL = "/admin/account/second-factor";

  private final SecondFactors factors;
  private final SavedRequestAwareAuthenticationSuccessHandler onwards =
      new SavedRequestAwareAuthenticationSuccessHandler();

  private final java.time.Clock clock;

  SignInSuccess(SecondFactors factors, java.time.Clock clock) {
    this.factors = factors;
    this.clock = clock;
    onwards.setDefaultTargetUrl("/admin");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest req, HttpServletResponse res, Authentication auth)
      throws IOException, ServletException {
    LecternUser user = (LecternUser) auth.getPrincipal();
    SignInState state = stateFor(user);
    state.store(req.getSession());
    req.getSession().setAttribute(SecondFactorGate.SIGNED_IN_AT, java.time.Instant.now(clock));
    req.getSession().setAttribute(BrowserSessions.DEVICE, Device.of(req.getHeader("User-Agent")));
    switch (state.stage()) {
      case SECOND_FACTOR -> res.sendRedirect(SECOND_STEP);
      case ENROL -> res.sendRedirect(ENROL);
      default -> onwards.onAuthenticationSuccess(req, res, auth);
    }
  }

  /** Continues to where the person was going once the second step is done. */
  void continueAfterSecondFactor(
      HttpServletRequest req, HttpServletResponse res, Authentication auth)
      throws IOException, ServletException {
    onwards.onAuthenticationSuccess(req, res, auth);
  }

  SignInState stateFor(LecternUser user) {
    if (factors.enrolled(user.id())) {
      return new SignInState(SignInState.Stage.SECOND_FACTOR, null);
    }
    if (factors.required(user)) {
      return new SignInState(SignInState.Stage.ENROL, null);
    }
    return new SignInState(SignInState.Stage.DONE, null);
  }
}
