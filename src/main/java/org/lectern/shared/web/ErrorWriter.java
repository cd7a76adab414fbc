package org.lectern.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.lectern.shared.i18n.Language;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a refusal from a servlet filter — before Spring MVC or Spring Security ran, so before a
 * request body is read — the same way {@code ErrorResponses} answers: problem+json under {@code
 * /api/}, the error page in the caller's language elsewhere.
 */
@Component
public record ErrorWriter(UiFactory uiFactory, MessageSource messages, TemplateEngine templates) {

  /** The policy of every page, set here because this answer leaves before Spring Security. */
  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A refusal before the body was read: the connection is closed after the answer. */
  public void write(HttpServletRequest req, HttpServletResponse res, HttpStatus status, String code)
      throws IOException {
    res.setHeader("Connection", "close");
    write(req, res, status, code, req.getRequestURI().startsWith("/api/"));
  }

  /** The answer of {@code status} with the message of {@code code}, as problem+json or a page. */
  public void write(
      HttpServletRequest req, HttpServletResponse res, HttpStatus status, String code, boolean api)
      throws IOException {
    // ?lang= as on every page; read from the query string only — getParameter would read the body.
    queryLanguage(req.getQueryString())
        .ifPresent(l -> req.setAttribute(LecternLocaleResolver.COOKIE, l));
    Ui ui = uiFactory.of(req);
    String detail = messages.getMessage(code, null, code, ui.locale());
    res.setStatus(status.value());
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (api) {
      res.setContentType("application/problem+json");
      String title =
          messages.getMessage(
              "error.title." + status.value(), null, status.getReasonPhrase(), ui.locale());
      res.getWriter()
          .write(
              JSON.writeValueAsString(
                  Map.of(
                      "type", "about:blank",
                      "title", title,
                      "status", status.value(),
                      "detail", detail,
                      "code", code)));
      return;
    }
    res.setContentType("text/html");
    res.setHeader("Content-Security-Policy", CSP);
    res.setHeader("X-Content-Type-Options", "nosniff");
    StringOutput out = new StringOutput();
    templates.render(
        "shared/error.jte", Map.of("ui", ui, "page", new ErrorPage(status.value(), detail)), out);
    res.getWriter().write(out.toString());
  }

  static Optional<Language> queryLanguage(String query) {
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("lang=")) {
        return Language.fromCode(pair.substring(5));
      }
    }
    return Optional.empty();
  }
}
