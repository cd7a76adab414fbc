package org.lectern.authorisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One role as a client: a browser session (cookies, CSRF token) for the web and a bearer token for
 * the API. Redirects are not followed; an event stream is closed as soon as its headers arrive.
 */
final class Caller {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** An answer: its status, where it redirects to, and its body (empty for streams). */
  record Answer(int status, String location, String body) {}

  final String role;
  private final String base;
  private final HttpClient client;
  String apiToken;
  private String csrf;

  Caller(String role, String base) {
    this.role = role;
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Signs in to the back office with a password (the form, as a browser would). */
  Caller signIn(String email, String password) {
    String token = csrfOf(get("/login").body());
    Answer a =
        form(
            "POST",
            "/login",
            "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token));
    if (a.status() != 302 || a.location().contains("error")) {
      throw new IllegalStateException(role + " could not sign in: " + a);
    }
    return refreshCsrf("/admin");
  }

  /** Signs in to My trainings with a one-time link's token. */
  Caller signInDelegate(String tokenValue) {
    String page = get("/my/sign-in/token?token=" + tokenValue).body();
    Answer a =
        form("POST", "/my/sign-in/token", "token=" + tokenValue + "&_csrf=" + enc(csrfOf(page)));
    if (a.status() != 302 || !a.location().endsWith("/my")) {
      throw new IllegalStateException(role + " could not sign in: " + a);
    }
    return refreshCsrf("/my");
  }

  /** Takes the session's CSRF token from a page (anonymous callers: from the sign-in page). */
  Caller refreshCsrf(String page) {
    csrf = csrfOf(get(page).body());
    return this;
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), path);
  }

  /**
   * A web request: the form (empty unless given; for a GET, the query) with the session's CSRF
   * token in the header.
   */
  Answer web(String method, String path, String body) {
    if ("GET".equals(method)) {
      return get(body == null ? path : path + "?" + body);
    }
    return form(method, path, body == null ? "" : body);
  }

  /** An API request: the JSON body ({@code {}} unless given), the role's bearer token if any. */
  Answer api(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/event-stream");
    if (apiToken != null) {
      b.header("Authorization", "Bearer " + apiToken);
    }
    if ("GET".equals(method) || "DELETE".equals(method)) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else if (body != null && body.startsWith("multipart:")) {
      // A small file under the given part name: enough to pass the content type, not to be valid.
      String boundary = "matrix-boundary";
      String part =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + body.substring("multipart:".length())
              + "\"; filename=\"x.csv\"\r\nContent-Type: text/csv\r\n\r\nname\r\n--"
              + boundary
              + "--\r\n";
      b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .method(method, HttpRequest.BodyPublishers.ofString(part));
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body));
    }
    return send(b, path);
  }

  private Answer form(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (csrf != null) {
      b.header("X-CSRF-TOKEN", csrf);
    }
    return send(b, path);
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private Answer send(HttpRequest.Builder b, String path) {
    try {
      HttpResponse<InputStream> r =
          client.send(
              b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
      String body;
      try (InputStream in = r.body()) {
        boolean stream =
            r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        body = stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(""), body);
    } catch (IOException e) {
      throw new UncheckedIOException(role + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String csrfOf(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the page");
    }
    return org.jsoup.parser.Parser.unescapeEntities(m.group(1), true);
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
