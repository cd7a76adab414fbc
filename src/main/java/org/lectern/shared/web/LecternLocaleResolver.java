package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.lectern.shared.i18n.Language;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * Chooses the interface language: {@code ?lang=} (remembered in a cookie), then the cookie, then
 * {@code Accept-Language}, then English. Only en, ru and kk are ever chosen.
 */
public class LecternLocaleResolver implements LocaleResolver {

  public static final String COOKIE = "lang";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Object override = request.getAttribute(COOKIE);
    if (override instanceof Language l) {
      return l.locale();
    }
    var cookie = WebUtils.getCookie(request, COOKIE);
    if (cookie != null) {
      var fromCookie = Language.fromCode(cookie.getValue());
      if (fromCookie.isPresent()) {
        return fromCookie.get().locale();
      }
    }
    return fromAcceptLanguage(request).locale();
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (locale == null) {
      return;
    }
    Language.fromCode(locale.getLanguage())
        .ifPresent(
            l -> {
              request.setAttribute(COOKIE, l);
              if (response != null) {
                ResponseCookie c =
                    ResponseCookie.from(COOKIE, l.code())
                        .path("/")
                        .maxAge(Duration.ofDays(365))
                        .sameSite("Lax")
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .build();
                response.addHeader("Set-Cookie", c.toString());
              }
            });
  }

  private static Language fromAcceptLanguage(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Language.EN;
    }
    try {
      for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
        String tag = r.getRange();
        var l = Language.fromCode(tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag);
        if (l.isPresent()) {
          return l.get();
        }
      }
    } catch (IllegalArgumentException malformed) {
      return Language.EN;
    }
    return Language.EN;
  }
}
