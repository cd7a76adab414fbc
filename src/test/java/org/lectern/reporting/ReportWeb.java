package org.lectern.reporting;

import java.util.Map;
import java.util.regex.Pattern;
import org.lectern.identity.LecternUser;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;

/** Signs in to the back office over HTTP; returns the headers to send with later requests. */
public final class ReportWeb {

  private ReportWeb() {}

  public static String[] signIn(Http http, String base, LecternUser user) {
    var login = http.get("/login");
    var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on /login");
    }
    var r =
        http.postForm(
            "/login",
            Map.of("email", user.email(), "password", Fixtures.PASSWORD, "_csrf", m.group(1)));
    if (r.status() != 302 || r.header("Location").contains("error")) {
      throw new IllegalStateException("sign-in failed: " + r.status() + " " + r.header("Location"));
    }
    return new String[0];
  }
}
