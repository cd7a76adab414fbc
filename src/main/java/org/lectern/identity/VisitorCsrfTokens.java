package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where a form's CSRF token is kept (ADR 0028). A request that already belongs to a session (a
 * signed-in organiser or delegate, or a sign-in under way) keeps its token in the session, as
 * before. An anonymous visitor without a session — the public registration form, the confirmation
 * link, the sign-in pages — gets the token in a cookie instead (double submit: the form must carry
 * the value of a cookie another site can neither read nor set), so that showing a form to a visitor
 * writes no session row. The cookie is HttpOnly, SameSite=Strict, path /, and on HTTPS named with
 * the {@code __Host-} prefix (Secure, no Domain: a sibling subdomain cannot plant it).
 */
final class VisitorCsrfTokens implements CsrfTokenRepository {

  static final String SECURE_COOKIE = "__Host-lectern-csrf";
  static final String PLAIN_COOKIE = "lectern-csrf";

  private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
  private final CookieCsrfTokenRepository secure = cookies(SECURE_COOKIE);
  private final CookieCsrfTokenRepository plain = cookies(PLAIN_COOKIE);

  private static CookieCsrfTokenRepository cookies(String name) {
    CookieCsrfTokenRepository r = new CookieCsrfTokenRepository();
    r.setCookieName(name);
    r.setCookiePath("/");
    // The same names as the session's tokens: forms post _csrf, scripts send X-CSRF-TOKEN.
    r.setParameterName("_csrf");
    r.setHeaderName("X-CSRF-TOKEN");
    r.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Strict"));
    return r;
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return sessions.generateToken(request);
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    if (request.getSession(false) != null) {
      sessions.saveToken(token, request, response);
      if (token == null) {
        // Signing in replaces the token: the visitor's cookie goes too.
        cookie(request).saveToken(null, request, response);
      }
    } else {
      cookie(request).saveToken(token, request, response);
    }
  }

  /**
   * A session's own token when it has one. A visitor's cookie otherwise, unless somebody is signed
   * in on the session: a passkey ceremony keeps its challenge in a session before anyone signs in,
   * and the sign-in page's token is still the cookie's.
   */
  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return cookie(request).loadToken(request);
    }
    CsrfToken own = sessions.loadToken(request);
    if (own != null || signedIn(session)) {
      return own;
    }
    return cookie(request).loadToken(request);
  }

  private static boolean signedIn(HttpSession session) {
    return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
            != null
        || session.getAttribute(DelegateSecurityConfiguration.CONTEXT_KEY) != null;
  }

  private CookieCsrfTokenRepository cookie(HttpServletRequest request) {
    return request.isSecure() ? secure : plain;
  }
}
