package org.lectern.shared.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Keeps "go back to" targets on this site: no open redirects. A target must be a path on this site,
 * and stay one however a browser reads it: browsers drop tabs and line breaks and read a backslash
 * as a slash, so {@code /%09/evil} and {@code /\evil} would become {@code //evil}.
 */
public final class LocalRedirects {

  private static final int MAX_LENGTH = 2000;
  private static final int DECODE_ROUNDS = 3;

  private LocalRedirects() {}

  public static String safe(String target) {
    return isLocal(target) ? target : "/";
  }

  static boolean isLocal(String target) {
    if (target == null || target.isEmpty() || target.length() > MAX_LENGTH) {
      return false;
    }
    if (!plainLocalPath(target)) {
      return false;
    }
    // Something between here and the browser might decode once more: no round may turn it into
    // another site.
    String seen = target;
    for (int round = 0; round < DECODE_ROUNDS; round++) {
      String decoded;
      try {
        decoded = URLDecoder.decode(seen.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
      if (decoded.equals(seen)) {
        break;
      }
      String stripped = decoded.replaceAll("[\\t\\r\\n]", "");
      if (!stripped.startsWith("/") || stripped.startsWith("//") || stripped.startsWith("/\\")) {
        return false;
      }
      seen = decoded;
    }
    try {
      URI uri = new URI(target);
      return uri.getScheme() == null && uri.getRawAuthority() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean plainLocalPath(String s) {
    if (!s.startsWith("/") || s.startsWith("//")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }
}
