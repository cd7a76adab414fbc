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
 * included) fails again and the caller saw a 500. A query string the container cannot decode
 * ({@code ?lang=%ff}: not UTF-8, or a broken escape) is a 400 here too, whatever the method —
 * Tomcat 11 refuses it on the first read of any parameter, which was a 500 on every page and API
 * address.
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
    boolean form = type != null && type.startsWith("application/x-www-form-urlencoded");
    boolean multipart = type != null && type.startsWith("multipart/");
    if (multipart && !readableQuery(req.getQueryString())) {
      errors.write(req, res, HttpStatus.BAD_REQUEST, "error.malformed");
      return;
    }
    if (form || (!multipart && req.getQueryString() != null)) {
      // Without a form body this reads the query string only.
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

  /**
   * Whether the container will decode {@code query}: every {@code %} starts two hexadecimal digits
   * and the bytes are UTF-8. For multipart requests, whose parameters are not read here (that would
   * read the parts).
   */
  static boolean readableQuery(String query) {
    if (query == null) {
      return true;
    }
    var bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '%') {
        if (i + 2 >= query.length()
            || Character.digit(query.charAt(i + 1), 16) < 0
            || Character.digit(query.charAt(i + 2), 16) < 0) {
          return false;
        }
        bytes.write(Integer.parseInt(query, i + 1, i + 3, 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    try {
      java.nio.charset.StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }
}
