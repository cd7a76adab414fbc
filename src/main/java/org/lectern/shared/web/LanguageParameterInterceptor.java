package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.lectern.shared.i18n.Language;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/** Applies {@code ?lang=en|ru|kk} on any page and remembers it; other values are ignored. */
class LanguageParameterInterceptor implements HandlerInterceptor {

  private final LocaleResolver resolver;

  LanguageParameterInterceptor(LocaleResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
    Language.fromCode(req.getParameter("lang"))
        .ifPresent(l -> resolver.setLocale(req, res, Locale.forLanguageTag(l.code())));
    return true;
  }
}
