package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.lectern.shared.web.LocalRedirects;
import org.springframework.stereotype.Component;

/**
 * Asks for the second factor again before a sensitive action when the last one is older than ten
 * minutes. Use {@link FreshSecondFactor} on a handler, or call {@link #require} where the decision
 * is made in code (after checking the input, before changing anything). A person without any second
 * factor (and not required to have one) has nothing to show and passes.
 *
 * <p>In the browser the time comes from the session; through the API from the token (created with a
 * code) or from a code sent in the {@value #HEADER} header with the request.
 */
@Component
public record StepUp(SecondFactors factors, Clock clock) {

  public static final Duration FRESH = Duration.ofMinutes(10);
  public static final String HEADER = "Lectern-Second-Factor";
  public static final URI PROBLEM_TYPE = URI.create("urn:lectern:problem:stepUpRequired");
  static final String TOKEN_FACTOR_AT = StepUp.class.getName() + ".tokenFactorAt";
  private static final String CODE_USE = StepUp.class.getName() + ".codeUse";

  /** Throws {@link StepUpRequiredException} unless the caller's second factor is fresh. */
  public void require(LecternUser user, HttpServletRequest req) {
    if (user == null || fresh(user, req)) {
      return;
    }
    throw new StepUpRequiredException(returnTo(req));
  }

  boolean fresh(LecternUser user, HttpServletRequest req) {
    if (!factors.enrolled(user.id())) {
      // Nothing to ask; a person who must have one was held at sign-in until they set it up.
      return true;
    }
    if (req.getRequestURI().startsWith("/api/")) {
      if (req.getAttribute(TOKEN_FACTOR_AT) instanceof Instant at && recent(at)) {
        return true;
      }
      String code = req.getHeader(HEADER);
      if (code == null || code.isBlank()) {
        return false;
      }
      var use = factors.use(user, code);
      use.ifPresent(u -> req.setAttribute(CODE_USE, u));
      return use.isPresent();
    }
    SignInState state = SignInState.of(req.getSession(false));
    return state != null && state.factorAt() != null && recent(state.factorAt());
  }

  /**
   * Makes the code this request spent in {@link #HEADER} good again: the request was refused for
   * its content and changed nothing (called by {@link StepUpAdvice}, which sees the refusal).
   */
  void giveBack(LecternUser user, HttpServletRequest req) {
    if (req.getAttribute(CODE_USE) instanceof SecondFactors.CodeUse use) {
      req.removeAttribute(CODE_USE);
      factors.giveBack(user, use);
    }
  }

  private boolean recent(Instant at) {
    return !at.plus(FRESH).isBefore(clock.instant());
  }

  /** A GET comes back to itself; a form comes back to the page it was on. */
  static String returnTo(HttpServletRequest req) {
    if ("GET".equals(req.getMethod())) {
      String q = req.getQueryString();
      return LocalRedirects.safe(req.getRequestURI() + (q == null ? "" : "?" + q));
    }
    String referer = req.getHeader("Referer");
    if (referer != null) {
      try {
        URI r = URI.create(referer);
        String host = req.getServerName();
        if (r.getHost() == null || r.getHost().equalsIgnoreCase(host)) {
          String path = r.getRawPath() + (r.getRawQuery() == null ? "" : "?" + r.getRawQuery());
          return LocalRedirects.safe(path);
        }
      } catch (IllegalArgumentException e) {
        // an unusable Referer: fall back to the back office
      }
    }
    return "/admin";
  }
}
