package org.lectern.identity;

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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser for the sign-in steps: its own cookies, the CSRF token read from the
 * pages, redirects not followed. Also computes authenticator codes for a secret read from the
 * set-up page, as the person's phone would.
 */
public final class BackOfficeSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern SECRET = Pattern.compile("id=\"secret\" value=\"([A-Z2-7 ]+)\"");

  private final HttpClient http;
  private final String base;
  private String forwardedFor;

  public BackOfficeSession(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Posts e-mail and password; returns the answer (a redirect to the next step). */
  public HttpResponse<String> password(String email, String password) {
    return post("/login", csrf("/login"), Map.of("email", email, "password", password));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  /** Posts a form with the CSRF token of {@code formPage}. */
  public HttpResponse<String> post(String path, String csrf, Map<String, String> fields) {
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

  public HttpResponse<String> postFrom(String formPage, String path, Map<String, String> fields) {
    return post(path, csrf(formPage), fields);
  }

  public String csrf(String page) {
    var res = get(page);
    Matcher m = CSRF.matcher(res.body());
    if (!m.find()) {
      throw new AssertionError("no CSRF token on " + page + " (" + res.statusCode() + ")");
    }
    return m.group(1);
  }

  public static String csrfIn(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new AssertionError("no CSRF token on the page");
    }
    return m.group(1);
  }

  /** The secret shown on a set-up page. */
  public static byte[] secretOf(String setupPage) {
    Matcher m = SECRET.matcher(setupPage);
    if (!m.find()) {
      throw new AssertionError("no secret on the set-up page");
    }
    return Base32.decode(m.group(1));
  }

  /** The code the app shows {@code stepsAhead} steps from now (0 = now, at most 1). */
  public static String code(byte[] secret, int stepsAhead) {
    return Totp.code(secret, Totp.step(Instant.now()) + stepsAhead);
  }

  public static String location(HttpResponse<String> res) {
    return res.headers().firstValue("Location").orElse("");
  }

  /** Every later request says it comes from {@code address} (through the trusted local proxy). */
  public BackOfficeSession from(String address) {
    this.forwardedFor = address;
    return this;
  }

  private HttpResponse<String> send(HttpRequest request) {
    if (forwardedFor != null) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("X-Forwarded-For", forwardedFor)
              .build();
    }
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
