package org.lectern.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Reads {@code Authorization: Bearer ...}; an invalid token is answered 401 at once. */
@Component
class ApiTokenFilter extends OncePerRequestFilter {

  private final ApiTokenService tokens;
  private final ApiProblemEntryPoint problems;

  ApiTokenFilter(ApiTokenService tokens, ApiProblemEntryPoint problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    String header = req.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(req, res);
      return;
    }
    String token = header.substring(7).strip();
    if (deferrable(req)) {
      var known = tokens.known(token);
      if (known != null) {
        deferred(req, res, chain, token, known);
        return;
      }
    }
    var bearer = tokens.bearer(token);
    if (bearer.isEmpty()) {
      problems.commence(req, res, null);
      return;
    }
    var user = bearer.map(ApiTokenService.Bearer::user);
    if (bearer.get().factorAt() != null) {
      req.setAttribute(StepUp.TOKEN_FACTOR_AT, bearer.get().factorAt());
    }
    var auth =
        UsernamePasswordAuthenticationToken.authenticated(
            user.get(), null, user.get().getAuthorities());
    SecurityContextHolder.getContext().setAuthentication(auth);
    try {
      chain.doFilter(req, res);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /**
   * An organiser's registration without an {@code Idempotency-Key}: the one request whose token may
   * be checked by the registration batch instead of here (ADR 0004, amendment "the token checked in
   * the batch").
   */
  static boolean deferrable(HttpServletRequest req) {
    String uri = req.getRequestURI();
    return "POST".equals(req.getMethod())
        && uri.startsWith(REGISTRATIONS_PREFIX)
        && uri.endsWith(REGISTRATIONS_SUFFIX)
        && uri.length() == REGISTRATIONS_PREFIX.length() + 36 + REGISTRATIONS_SUFFIX.length()
        && uri.indexOf('/', REGISTRATIONS_PREFIX.length())
            == uri.length() - REGISTRATIONS_SUFFIX.length()
        && req.getHeader("Idempotency-Key") == null;
  }

  private static final String REGISTRATIONS_PREFIX = "/api/v1/programmes/";
  private static final String REGISTRATIONS_SUFFIX = "/registrations";

  /**
   * Authenticated by this node's note of the token; the token is checked by the batch, or read
   * again before any other answer ({@link PendingToken}). Whatever answer is begun while the token
   * is unchecked reads it first, and is replaced by this filter's 401 if it no longer works.
   */
  private void deferred(
      HttpServletRequest req,
      HttpServletResponse res,
      FilterChain chain,
      String token,
      KnownTokens.Known known)
      throws ServletException, IOException {
    var pending = new PendingToken(known.tokenId(), known.user(), tokens, token);
    req.setAttribute(PendingToken.ATTRIBUTE, pending);
    if (known.factorAt() != null) {
      req.setAttribute(StepUp.TOKEN_FACTOR_AT, known.factorAt());
    }
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                known.user(), null, known.user().getAuthorities()));
    try {
      chain.doFilter(req, new UncheckedAnswer(req, res, pending, problems));
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }
}
