package org.lectern.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a posted form once, first: a form the container cannot read (longer than it accepts, or
 * malformed) is answered here — 413 or 400, in the caller's language — instead of failing later
 * inside Spring Security's CSRF check, where every further read of a parameter (the error page's
 * included) fails again and the caller saw a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class FormReadGuard extends OncePerRequestFilter {

  private final ErrorWriter errors;

  FormReadGuard(ErrorWriter errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    String type = req.getContentType();
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      try {
        req.getParameterMap();
      } catch (InvalidParameterException e) {
        HttpStatus status =
            e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        errors.write(
            req,
            res,
            status,
            status == HttpStatus.CONTENT_TOO_LARGE ? "error.formTooLarge" : "error.malformed");
        return;
      }
    }
    chain.doFilter(req, res);
  }
}
