package org.lectern.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a back-office session at its next request once its account was disabled or its password
 * changed elsewhere. Sessions live in one node's memory, so the check asks the database on every
 * request (a primary-key read): what one node decides holds on every node at once.
 */
class AccountStateFilter extends OncePerRequestFilter {

  static final String ENDED = "/login?ended";

  private final AccountRepository accounts;

  AccountStateFilter(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof LecternUser user && !current(user)) {
      var session = req.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      res.sendRedirect(ENDED);
      return;
    }
    if (auth != null && auth.getPrincipal() instanceof LecternUser) {
      // The device is noted at sign-in; a session that reached here without it (another sign-in
      // path, or an attribute that did not survive) gets it from this request.
      var session = req.getSession(false);
      if (session != null && session.getAttribute(BrowserSessions.DEVICE) == null) {
        session.setAttribute(BrowserSessions.DEVICE, Device.of(req.getHeader("User-Agent")));
      }
    }
    chain.doFilter(req, res);
  }

  private boolean current(LecternUser user) {
    // A session stored before staff accounts were sealed (ADR 0022, amendment "staff accounts")
    // holds the person without their address and name: it ends once, they sign in again.
    return user.names() != null
        && accounts
            .state(user.id())
            .map(s -> !s.disabled() && s.sessionEpoch() == user.sessionEpoch())
            .orElse(false);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/assets/");
  }
}
