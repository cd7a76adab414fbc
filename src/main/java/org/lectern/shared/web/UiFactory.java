package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.ZoneId;
import java.util.Optional;
import org.lectern.shared.i18n.Language;
import org.lectern.shared.time.Zones;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/** Builds the {@link Ui} of a request. */
@Component
public class UiFactory {

  public static final String ZONE_COOKIE = "tz";

  private final MessageSource messages;
  private final LocaleResolver locales;

  UiFactory(MessageSource messages, LocaleResolver locales) {
    this.messages = messages;
    this.locales = locales;
  }

  /** The request's Ui, built once (the language may change during the request, before this). */
  public Ui cached(HttpServletRequest request) {
    Object ui = request.getAttribute(Ui.class.getName());
    if (ui instanceof Ui u) {
      return u;
    }
    Ui u = of(request);
    request.setAttribute(Ui.class.getName(), u);
    return u;
  }

  public Ui of(HttpServletRequest request) {
    Language lang = Language.of(locales.resolveLocale(request));
    var zoneCookie = WebUtils.getCookie(request, ZONE_COOKIE);
    Optional<ZoneId> zone =
        zoneCookie == null ? Optional.empty() : Zones.parse(decode(zoneCookie.getValue()));
    Object token = request.getAttribute(CsrfToken.class.getName());
    String[] csrf =
        token instanceof CsrfToken t
            ? new String[] {t.getParameterName(), t.getToken()}
            : new String[] {"_csrf", ""};
    Principal p = request.getUserPrincipal();
    String path = request.getRequestURI();
    return new Ui(
        messages,
        lang,
        zone,
        csrf,
        path,
        request.getQueryString(),
        p == null ? null : DisplayNames.of(p),
        DisplayNames.isDelegate(p));
  }

  private static String decode(String v) {
    return java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8);
  }
}
