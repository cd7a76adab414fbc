package org.lectern.shared.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser (one cookie jar) that talks to several nodes on loopback, as it would through a proxy
 * that sends each request to whichever node: cookies are not bound to a port.
 */
final class TwoNodeBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  HttpResponse<String> get(String base, String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  String csrf(String base, String page) {
    var res = get(base, page);
    Matcher m = CSRF.matcher(res.body());
    if (!m.find()) {
      throw new AssertionError("no form token on " + page + " (" + res.statusCode() + ")");
    }
    return m.group(1);
  }

  HttpResponse<String> post(String base, String path, String csrf, Map<String, String> fields) {
    var all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrf);
    StringBuilder body = new StringBuilder();
    all.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  /** Signs in with the form on {@code base}; returns where the answer sends the browser. */
  String signIn(String base, String email, String password) {
    var res =
        post(base, "/login", csrf(base, "/login"), Map.of("email", email, "password", password));
    return res.headers().firstValue("Location").orElse("(status " + res.statusCode() + ")");
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
