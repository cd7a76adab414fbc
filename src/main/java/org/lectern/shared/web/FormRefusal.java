package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.limit.TooManyRequestsException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * A page drawn again because what was sent was refused, with the status that says why: 403 not
 * allowed, 409 changed meanwhile, 429 (with Retry-After) too many attempts, 422 invalid input. The
 * page record already holds the errors.
 */
public final class FormRefusal {

  private FormRefusal() {}

  /** Sets the status, puts the page into the model as {@code page} and names the view. */
  public static String redraw(
      DomainException e, Object page, String view, Model model, HttpServletResponse response) {
    response.setStatus(statusOf(e).value());
    if (e instanceof TooManyRequestsException limited) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
    }
    model.addAttribute("page", page);
    return view;
  }

  public static HttpStatus statusOf(DomainException e) {
    if (e instanceof TooManyRequestsException) {
      return HttpStatus.TOO_MANY_REQUESTS;
    }
    if (e instanceof ForbiddenException) {
      return HttpStatus.FORBIDDEN;
    }
    return e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
  }
}
