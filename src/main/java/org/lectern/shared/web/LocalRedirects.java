package org.lectern.shared.web;

/** Keeps "go back to" targets on this site: no open redirects. */
public final class LocalRedirects {

  private LocalRedirects() {}

  public static String safe(String target) {
    if (target == null
        || !target.startsWith("/")
        || target.startsWith("//")
        || target.startsWith("/\\")
        || target.contains("\r")
        || target.contains("\n")) {
      return "/";
    }
    return target;
  }
}
