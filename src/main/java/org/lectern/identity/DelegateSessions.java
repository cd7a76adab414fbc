package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;

/**
 * The delegate signed in to "My trainings" in this browser, for pages outside /my that want to
 * recognise them (the live room) without opening the rest of the site to the delegate session.
 */
public final class DelegateSessions {

  private DelegateSessions() {}

  public static Optional<DelegatePrincipal> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    if (session.getAttribute(DelegateSecurityConfiguration.CONTEXT_KEY) instanceof SecurityContext c
        && c.getAuthentication() != null
        && c.getAuthentication().getPrincipal() instanceof DelegatePrincipal p) {
      return Optional.of(p);
    }
    return Optional.empty();
  }
}
