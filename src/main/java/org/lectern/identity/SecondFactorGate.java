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
 */
class SecondFactorGate extends OncePerRequestFilter {

  private final SignInSuccess signIn;

  SecondFactorGate(SignInSuccess signIn) {
    this.signIn = signIn;
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
        if (!open && !path.equals(SignInSuccess.SECOND_STEP)) {
          res.sendRedirect(SignInSuccess.SECOND_STEP);
          return;
        }
      }
      case ENROL -> {
        if (!open && !path.equals(SignInSuccess.ENROL)) {
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
