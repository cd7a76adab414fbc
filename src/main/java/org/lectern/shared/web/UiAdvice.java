package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts a {@link Ui} named {@code ui} into every page's model. Not for the API ({@code /api/}),
 * whose answers are JSON and never a page: making it (language, time zone, CSRF token, caller) was
 * 2 % of an organiser registration's request (issue 16, tenth pass); an API error is answered by
 * {@link ErrorResponses} with its own.
 */
@ControllerAdvice
record UiAdvice(UiFactory factory) {

  @ModelAttribute("ui")
  Ui ui(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/api/") ? null : factory.cached(request);
  }
}
