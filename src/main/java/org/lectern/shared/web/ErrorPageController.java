package org.lectern.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What reaches the servlet container's error page — a refusal of Spring Security's firewall, an
 * exception thrown outside Spring MVC, a {@code sendError} from a filter — answered like every
 * other error (instead of Boot's JSON or white page): problem+json for {@code /api/} addresses, the
 * error page in the caller's language elsewhere. Never a stack trace, never the exception's
 * message.
 */
@Controller
record ErrorPageController(ErrorWriter writer) implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

  @RequestMapping("/error")
  void error(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code == null) {
      // Asked for by name, not reached through a failure: there is nothing here.
      writer.write(req, res, HttpStatus.NOT_FOUND, "error.notFound", false);
      return;
    }
    HttpStatus status = status(code);
    Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : req.getRequestURI();
    if (status.is5xxServerError()) {
      Object failure = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      // The type only: an exception's message may carry what a caller sent.
      log.error(
          "unexpected failure at the error page: {}",
          failure == null ? "none" : failure.getClass().getName());
    }
    if (res.isCommitted()) {
      return;
    }
    res.resetBuffer();
    String message = code(status);
    String type = req.getContentType();
    if (status == HttpStatus.CONTENT_TOO_LARGE
        && (type == null || !type.startsWith("multipart/"))) {
      message = "error.formTooLarge";
    }
    writer.write(req, res, status, message, path.startsWith("/api/"));
  }

  private static HttpStatus status(Object code) {
    HttpStatus s = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return s == null || s.is2xxSuccessful() ? HttpStatus.INTERNAL_SERVER_ERROR : s;
  }

  static String code(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "error.malformed";
      case UNAUTHORIZED, FORBIDDEN -> "error.forbidden";
      case NOT_FOUND -> "error.notFound";
      case METHOD_NOT_ALLOWED -> "error.method";
      case CONTENT_TOO_LARGE -> "error.tooLarge";
      case UNSUPPORTED_MEDIA_TYPE -> "error.mediaType";
      default -> status.is5xxServerError() ? "error.unexpected" : "error.http";
    };
  }
}
