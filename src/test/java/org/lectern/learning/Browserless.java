package org.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping client that posts forms with the page's CSRF token, redirects not followed. */
final class Browserless {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;
  private final String language;

  Browserless(String base, String language) {
    this.base = base;
    this.language = language;
  }

  Browserless signIn(String email, String password) {
    var res =
        post(
            "/login",
            csrf(get("/login")),
            List.of(Map.entry("email", email), Map.entry("password", password)));
    assertThat(res.statusCode()).isEqualTo(302);
    assertThat(res.headers().firstValue("Location").orElse("")).endsWith("/admin");
    return this;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  HttpResponse<String> post(String path, String csrf, List<Map.Entry<String, String>> fields) {
    StringBuilder body = new StringBuilder("_csrf=" + enc(csrf));
    for (var f : fields) {
      body.append('&').append(enc(f.getKey())).append('=').append(enc(f.getValue()));
    }
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  /** A multipart form with one file, as a browser sends it. */
  HttpResponse<String> postFile(
      String path,
      String csrf,
      List<Map.Entry<String, String>> fields,
      String fileName,
      byte[] content) {
    String boundary = "----lectern" + java.util.UUID.randomUUID().toString().replace("-", "");
    var out = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> w = x -> out.writeBytes(x.getBytes(StandardCharsets.UTF_8));
    w.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n");
    w.accept(csrf + "\r\n");
    for (var f : fields) {
      w.accept(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + f.getKey()
              + "\"\r\n\r\n");
      w.accept(f.getValue() + "\r\n");
    }
    w.accept(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(content);
    w.accept("\r\n--" + boundary + "--\r\n");
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .build());
  }

  /** The raw answer (a download). */
  HttpResponse<byte[]> bytes(String path) {
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).as("page has a CSRF token").isTrue();
    return m.group(1);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
  }

  private HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
