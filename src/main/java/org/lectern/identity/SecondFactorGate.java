package org.lectern.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a session whose password was right but whose second step is not done: it may only give its
 * code (or set up the factor it must have), sign out or start again — nothing else, on any page.
 * Also ends a back-office session once it is older than the absolute limit (default 12 hours),
 * however active; the idle limit is the servlet session's timeout.
 */
class SecondFactorGate extends OncePerRequestFilter {

  static final String SIGNED_IN_AT = "LECTERN_SIGNED_IN_AT";

  /** The second step: a code, or a passkey (its options, then the form). */
  private static final java.util.Set<String> SECOND_STEP_PATHS =
      java.util.Set.of(
          SignInSuccess.SECOND_STEP,
          PasskeySignInController.SECOND_STEP,
          PasskeySignInController.SECOND_STEP + PasskeySignInController.OPTIONS);

  /** Setting up the factor one must have: the app, or a passkey. */
  private static final java.util.Set<String> ENROL_PATHS =
      java.util.Set.of(
          SignInSuccess.ENROL,
          PasskeySetupController.PASSKEYS,
          PasskeySetupController.PASSKEYS + "/options");

  private final SignInSuccess signIn;
  private final java.time.Duration absolute;
  private final java.time.Clock clock;

  SecondFactorGate(SignInSuccess signIn, java.time.Duration absolute, java.time.Clock clock) {
    this.signIn = signIn;
    this.absolute = absolute;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    var session = req.getSession(false);
    if (auth == null || !(auth.getPrincipal() instanceof LecternUser user) || session == null) {
      chain.doFilter(req, res);
      return;
    }
    if (!(session.getAttribute(SIGNED_IN_AT) instanceof java.time.Instant since)) {
      session.setAttribute(SIGNED_IN_AT, clock.instant());
    } else if (since.plus(absolute).isBefore(clock.instant())) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      res.sendRedirect(AccountStateFilter.ENDED);
      return;
    }
    SignInState state = SignInState.of(session);
    if (state == null) {
      // A session from before second factors existed: decide as at sign-in.
      state = signIn.stateFor(user);
      state.store(session);
    }
    String path = req.getRequestURI();
    boolean open = path.equals("/logout") || path.equals("/login") || path.equals("/error");
    switch (state.stage()) {
      case SECOND_FACTOR -> {
        if (!open && !SECOND_STEP_PATHS.contains(path)) {
          res.sendRedirect(SignInSuccess.SECOND_STEP);
          return;
        }
      }
      case ENROL -> {
        if (!open && !ENROL_PATHS.contains(path)) {
          res.sendRedirect(SignInSuccess.ENROL);
          return;
        }
      }
      default -> {}
    }
    chain.doFilter(req, res);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String p = request.getRequestURI();
    return p.startsWith("/assets/") || p.equals("/favicon.ico");
  }
}
