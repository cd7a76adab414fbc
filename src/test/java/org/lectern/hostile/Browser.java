package org.lectern.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.lectern.support.Http;

/** A browser without a browser: cookies, CSRF from the page, redirects not followed, Russian. */
final class Browser {

  private final String base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  Browser(String base) {
    this.base = base;
  }

  /** Signs in through the login form; true when it worked. */
  boolean signIn(String email, String password) {
    String csrf = csrf("/login");
    var res =
        post(
            "/login",
            "email="
                + Http.enc(email)
                + "&password="
                + Http.enc(password)
                + "&_csrf="
                + Http.enc(csrf));
    return res.statusCode() == 302;
  }

  String csrf(String page) {
    return Jsoup.parse(get(page).body()).select("input[name=_csrf]").attr("value");
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  HttpResponse<String> post(String path, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Posts fields and one file as multipart/form-data. */
  HttpResponse<String> postFile(
      String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
    String boundary = "----hostile" + UUID.randomUUID();
    var out = new ByteArrayOutputStream();
    fields.forEach(
        (k, v) ->
            write(
                out,
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + k
                    + "\"\r\n\r\n"
                    + v
                    + "\r\n"));
    write(
        out,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + fileField
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(file);
    write(out, "\r\n--" + boundary + "--\r\n");
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return client.send(
          b.header("Accept-Language", "ru").timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
