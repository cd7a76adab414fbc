package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser: a real session cookie, the CSRF token read from the pages, forms
 * posted as a browser posts them, redirects not followed so that tests can see them.
 */
final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http;
  private final String base;
  private String language = "en";

  WebSession(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The Accept-Language of the following requests. */
  WebSession language(String code) {
    this.language = code;
    return this;
  }

  WebSession signIn(String email, String password) {
    String token = csrfOf(get("/login"));
    var res = post("/login", token, new Form().add("email", email).add("password", password));
    assertThat(res.statusCode()).as("sign-in answer").isEqualTo(302);
    assertThat(res.headers().firstValue("Location").orElse(""))
        .as("sign-in succeeded")
        .endsWith("/admin");
    return this;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /** Posts the form as a signed-in browser would, with the CSRF token of a fresh page. */
  HttpResponse<String> post(String path, Form form) {
    return post(path, csrfOf(get("/admin")), form);
  }

  HttpResponse<String> post(String path, String csrf, Form form) {
    String body = form.add("_csrf", csrf).encoded();
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Posts a multipart form with one file field. */
  HttpResponse<String> postMultipart(
      String path, Form form, String fileField, String fileName, byte[] file) {
    form.add("_csrf", csrfOf(get("/admin")));
    String boundary = "----lectern" + UUID.randomUUID();
    var out = new ByteArrayOutputStream();
    for (var f : form.fields) {
      write(out, "--" + boundary + "\r\n");
      write(out, "Content-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n");
      write(out, f.getValue() + "\r\n");
    }
    write(out, "--" + boundary + "\r\n");
    write(
        out,
        "Content-Disposition: form-data; name=\""
            + fileField
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(file);
    write(out, "\r\n--" + boundary + "--\r\n");
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .build());
  }

  /** Follows a redirect answer once. */
  HttpResponse<String> follow(HttpResponse<String> redirect) {
    assertThat(redirect.statusCode()).as("redirect status").isBetween(301, 303);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    return get(URI.create(base).resolve(location).getRawPath());
  }

  static String csrfOf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).as("page has a CSRF token").isTrue();
    return m.group(1);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Form fields in order; a name may repeat (checkboxes). */
  static final class Form {
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    Form add(String name, String value) {
      fields.add(Map.entry(name, value));
      return this;
    }

    Form without(String name) {
      fields.removeIf(f -> f.getKey().equals(name));
      return this;
    }

    Form set(String name, String value) {
      return without(name).add(name, value);
    }

    String encoded() {
      return String.join(
          "&",
          fields.stream()
              .map(
                  f ->
                      URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
              .toList());
    }
  }
}
