package org.lectern.live;

import jakarta.servlet.http.HttpServletRequest;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.UnauthenticatedException;

/**
 * The live API accepts a user's bearer token or a room pass (header Live-Pass), so its security
 * chain lets requests through and this reads the token.
 */
final class ApiCaller {

  private ApiCaller() {}

  static LecternUser user(ApiTokenService tokens, HttpServletRequest req) {
    String header = req.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return tokens
        .authenticate(header.substring(7).strip())
        .orElseThrow(() -> new UnauthenticatedException("identity.unauthenticated"));
  }
}
