package org.lectern.authorisation;

import java.net.URI;

/**
 * What an answer means for authorisation: {@code A} let through (whatever the handler then said),
 * {@code L} sent to sign in (401 from the API, a redirect to a sign-in page on the web), {@code F}
 * forbidden (403), {@code N} not found (404), {@code E} a failure (5xx, never expected). In the
 * table, {@code X} accepts F or N.
 */
final class Outcome {

  private Outcome() {}

  static char of(Caller.Answer a, boolean api) {
    if (a.status() >= 500) {
      return 'E';
    }
    if (a.status() == 401) {
      return 'L';
    }
    if (a.status() == 403) {
      return 'F';
    }
    if (a.status() == 404) {
      return 'N';
    }
    if (!api && a.status() >= 300 && a.status() < 400 && toSignIn(a.location())) {
      return 'L';
    }
    return 'A';
  }

  /** The sign-in pages themselves, without a query (a "?sent" answer is the page's own result). */
  private static boolean toSignIn(String location) {
    URI u = URI.create(location);
    return u.getQuery() == null
        && ("/login".equals(u.getPath()) || "/my/sign-in".equals(u.getPath()));
  }

  /**
   * Whether {@code got} is what the table wants. On a route whose inner object is a placeholder
   * (flag {@code placeholder}), an allowed caller meets the placeholder's 404.
   */
  static boolean matches(char want, char got, boolean placeholder) {
    if (want == got) {
      return true;
    }
    if (want == 'X') {
      return got == 'F' || got == 'N';
    }
    return want == 'A' && placeholder && got == 'N';
  }
}
