package org.lectern.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript for the HTML forms: keeps its cookies, follows no redirect, posts
 * url-encoded bodies with the CSRF token read from the page. Paths are relative to the test
 * server's base address, read when a request is made (so a field may hold one).
 */
public final class FormClient {

  public static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Supplier<String> baseUrl;

  public FormClient(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a url-encoded body (see {@link #enc} and {@link #csrf}). */
  public HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The page's CSRF token, url-encoded for a form body; fails the test when the page has none. */
  public static String csrf(String html) {
    return enc(csrfToken(html));
  }

  /** The page's CSRF token as a browser would send it; fails the test when the page has none. */
  public static String csrfToken(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("CSRF token in page").isTrue();
    return m.group(1).replace("&#61;", "=").replace("&#43;", "+");
  }
}
