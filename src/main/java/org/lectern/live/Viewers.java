package org.lectern.live;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.lectern.identity.DelegateSessions;
import org.lectern.identity.LecternUser;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/** Finds the viewer of a request: signed-in user, room pass (cookie or header), delegate. */
@Component
record Viewers(LiveAccess access) {

  Viewer of(UUID sessionId, LecternUser user, HttpServletRequest request) {
    return access.viewer(sessionId, user, pass(request), DelegateSessions.signedIn(request));
  }

  String join(Viewer v, String key, String name, HttpServletRequest req, HttpServletResponse res) {
    String pass = access.join(v, key, name, DelegateSessions.signedIn(req));
    // The pass opens this one room only: the cookie is scoped to the room's path.
    ResponseCookie cookie =
        ResponseCookie.from(Passes.COOKIE, pass)
            .path("/sessions/" + v.session().id() + "/live")
            .httpOnly(true)
            .secure(req.isSecure())
            .sameSite("Lax")
            .maxAge(java.time.Duration.ofDays(2))
            .build();
    res.addHeader("Set-Cookie", cookie.toString());
    return pass;
  }

  private static String pass(HttpServletRequest request) {
    String header = request.getHeader(Passes.HEADER);
    if (header != null && !header.isBlank()) {
      return header.strip();
    }
    Cookie c = WebUtils.getCookie(request, Passes.COOKIE);
    return c == null ? null : c.getValue();
  }

  /** The base of the join link the projector's code carries (the key is appended). */
  static String joinBase(HttpServletRequest req, UUID sessionId) {
    String base =
        org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(req)
            .build()
            .toUriString();
    return base + "/sessions/" + sessionId + "/live/join?k=";
  }
}
