package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.lectern.shared.database.Json;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** 401 and 403 for the API as problem+json in the caller's language. */
@Component
record ApiProblemEntryPoint(MessageSource messages, LocaleResolver locales)
    implements AuthenticationEntryPoint, AccessDeniedHandler {

  @Override
  public void commence(HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
      throws IOException {
    write(req, res, 401, "identity.unauthenticated");
  }

  @Override
  public void handle(HttpServletRequest req, HttpServletResponse res, AccessDeniedException e)
      throws IOException {
    write(req, res, 403, "error.forbidden");
  }

  private void write(HttpServletRequest req, HttpServletResponse res, int status, String code)
      throws IOException {
    var locale = locales.resolveLocale(req);
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("type", "about:blank");
    body.put("title", messages.getMessage("error.title." + status, null, locale));
    body.put("status", status);
    body.put("detail", messages.getMessage(code, null, locale));
    body.put("code", code);
    res.setStatus(status);
    res.setContentType("application/problem+json");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (status == 401) {
      res.setHeader("WWW-Authenticate", "Bearer");
    }
    res.getWriter().write(Json.write(body));
  }
}
