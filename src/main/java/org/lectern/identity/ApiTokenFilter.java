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
    var bearer = tokens.bearer(header.substring(7).strip());
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

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }
}
