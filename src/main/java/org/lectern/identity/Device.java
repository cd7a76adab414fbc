package org.lectern.identity;

import java.io.Serializable;
import java.util.Locale;

/**
 * The coarse device a session was opened from — browser family and operating system, read from the
 * User-Agent at sign-in. Only these two words are kept, never the full header (which, with its
 * versions, is close to a fingerprint).
 */
record Device(String browser, String system) implements Serializable {

  static final int MAX_HEADER = 1000;

  static Device of(String userAgent) {
    if (userAgent == null || userAgent.isBlank() || userAgent.length() > MAX_HEADER) {
      return new Device(null, null);
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    return new Device(browser(ua), system(ua));
  }

  private static String browser(String ua) {
    if (ua.contains("edg/") || ua.contains("edge/")) {
      return "Edge";
    }
    if (ua.contains("opr/") || ua.contains("opera")) {
      return "Opera";
    }
    if (ua.contains("yabrowser/")) {
      return "Yandex Browser";
    }
    if (ua.contains("firefox/") || ua.contains("fxios/")) {
      return "Firefox";
    }
    if (ua.contains("chrome/") || ua.contains("chromium/") || ua.contains("crios/")) {
      return "Chrome";
    }
    if (ua.contains("safari/") && ua.contains("version/")) {
      return "Safari";
    }
    return null;
  }

  private static String system(String ua) {
    if (ua.contains("android")) {
      return "Android";
    }
    if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
      return "iOS";
    }
    if (ua.contains("windows")) {
      return "Windows";
    }
    if (ua.contains("mac os x") || ua.contains("macintosh")) {
      return "macOS";
    }
    if (ua.contains("cros")) {
      return "ChromeOS";
    }
    if (ua.contains("linux") || ua.contains("x11")) {
      return "Linux";
    }
    return null;
  }
}
