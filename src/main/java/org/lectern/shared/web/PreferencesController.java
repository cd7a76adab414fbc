package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.lectern.shared.time.Zones;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Remembers the viewer's time zone (chosen in the footer, or detected by the browser). */
@Controller
class PreferencesController {

  @GetMapping("/preferences/zone")
  String zone(
      @RequestParam(required = false) String tz,
      @RequestParam(required = false) String back,
      HttpServletRequest request,
      HttpServletResponse response) {
    ResponseCookie.ResponseCookieBuilder cookie =
        ResponseCookie.from(UiFactory.ZONE_COOKIE, Zones.isValid(tz) ? tz.strip() : "")
            .path("/")
            .secure(request.isSecure())
            .sameSite("Lax");
    cookie.maxAge(Zones.isValid(tz) ? Duration.ofDays(365) : Duration.ZERO);
    response.addHeader("Set-Cookie", cookie.build().toString());
    return "redirect:" + LocalRedirects.safe(back);
  }
}
