package org.lectern.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A world to attack: a published programme of one organisation with a session and a registration,
 * its organiser, an organiser of another organisation and a platform administrator, each with an
 * API token; plus a fingerprint of the tables a refused request must not change.
 */
abstract class HostileFixture extends IntegrationTest {

  /** Tables whose content a refused request must leave exactly as it was. */
  static final List<String> CHECKED =
      List.of(
          "organisation",
          "organisation_member",
          "programme",
          "programme_member",
          "session",
          "session_speaker",
          "speaker",
          "registration",
          "registration_answer",
          "registration_question",
          "registration_settings",
          "certificate",
          "live_question",
          "attendance_import",
          "attendance_checkin");

  /** Tables a refusal may legitimately touch (sign-in counters), compared by row count only. */
  static final List<String> COUNTED = List.of("app_user", "api_token");

  @Autowired Fixtures fixtures;
  @Autowired UserService users;

  Http http;
  HttpClient client;
  LecternUser organiser;
  Map<String, String> tokens = new LinkedHashMap<>();
  String programmeId;
  String programmeSlug;
  String sessionId;
  String registrationId;

  void createWorld() {
    http = new Http(baseUrl());
    client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    organiser = fixtures.organiser("hostile");
    LecternUser other = fixtures.organiser("elsewhere");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    UUID admin =
        users.create("admin-" + suffix + "@example.org", "Platform Admin", Fixtures.PASSWORD, true);
    tokens.put("anonymous", null);
    tokens.put("otherOrganiser", token(other.email()));
    tokens.put("organiser", token(organiser.email()));
    tokens.put("admin", token(users.find(admin).orElseThrow().email()));
    programmeSlug = "hostile-" + suffix;
    var p =
        http.postJson(
            "/api/v1/programmes",
            map(
                "slug",
                programmeSlug,
                "title",
                map("en", "Hostile input", "ru", "Враждебный ввод"),
                "timeZone",
                "Asia/Almaty",
                "languages",
                List.of("en", "ru"),
                "capacity",
                100),
            auth("organiser"));
    assertThat(p.status()).as(p.body()).isEqualTo(201);
    programmeId = p.json().get("id").asString();
    var s =
        http.postJson(
            "/api/v1/programmes/" + programmeId + "/sessions",
            map(
                "title", "Opening",
                "startsAt", "2030-02-09T10:00:00+06:00",
                "endsAt", "2030-02-09T12:00:00+06:00",
                "mode", "HYBRID"),
            auth("organiser"));
    assertThat(s.status()).as(s.body()).isEqualTo(201);
    sessionId = s.json().get("id").asString();
    var pub =
        http.patchJson(
            "/api/v1/programmes/" + programmeId, map("status", "PUBLISHED"), auth("organiser"));
    assertThat(pub.status()).as(pub.body()).isEqualTo(200);
    var r =
        http.postJson(
            "/api/v1/programmes/" + programmeId + "/registrations",
            map("email", "delegate-" + suffix + "@example.org", "fullName", "Aliya Delegate"),
            auth("organiser"));
    assertThat(r.status()).as(r.body()).isIn(200, 201, 202);
    registrationId = r.json().get("id").asString();
  }

  String token(String email) {
    var r =
        http.postJson("/api/v1/auth/tokens", map("email", email, "password", Fixtures.PASSWORD));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("token").asString();
  }

  String[] auth(String role) {
    String t = tokens.get(role);
    return t == null ? new String[0] : new String[] {"Authorization", "Bearer " + t};
  }

  /** A fingerprint of every checked table's rows, and the row counts of the counted ones. */
  String snapshot() {
    StringBuilder sb = new StringBuilder();
    for (String t : CHECKED) {
      sb.append(t)
          .append('=')
          .append(
              jdbc.sql(
                      "select coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '')"
                          + " from "
                          + t
                          + " t")
                  .query(String.class)
                  .single())
          .append(' ');
    }
    for (String t : COUNTED) {
      sb.append(t)
          .append('#')
          .append(jdbc.sql("select count(*) from " + t).query(Long.class).single())
          .append(' ');
    }
    return sb.toString();
  }

  /** An answer as raw bytes were sent. */
  record Answer(int status, String contentType, String body) {}

  Answer send(String method, String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(""),
          new String(r.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      if (oversized(path, body)) {
        // Refused by the server before the application: it answers 400/413 and closes the
        // connection while the client may still be sending, so the client sees the connection
        // cut. Counted as a refusal before the application; the data must still be unchanged.
        return new Answer(400, "", CUT);
      }
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * 400 answers given before the request reaches the application, so not as problem+json: Tomcat
   * refuses a request line that holds an encoded slash, an encoded NUL or invalid UTF-8, or is
   * longer than 8 KB. Counted and printed; a known gap (see BENCHMARKS.md, "Hostile input"). (What
   * Spring Security's firewall refuses — dot segments, semicolons — reaches Lectern's error page
   * and must be problem+json like everything else.)
   */
  int rejectedByServer;

  static boolean beforeTheApplication(Answer a) {
    return a.status() == 400
        && (a.body().equals(CUT)
            || a.body()
                .startsWith("<!doctype html><html lang=\"en\"><head><title>HTTP Status 400"));
  }

  /** The body of an answer the server cut off (see {@link #oversized}). */
  static final String CUT = "(connection closed by the server)";

  /**
   * Over what Tomcat reads at all: a request line and headers over 8 KB, or a body over the 2 MB it
   * swallows after an early refusal. Only such requests may end in a cut connection.
   */
  static boolean oversized(String path, byte[] body) {
    return path.length() > 8 * 1024 || (body != null && body.length > 2 * 1024 * 1024);
  }

  /**
   * Whether Tomcat cannot read the request line of {@code path} at all — longer than it reads, or
   * holding a raw character outside printable ASCII — so that not even the address is known when it
   * refuses: Lectern's error page (ContainerErrorPages) then cannot tell an API call from a page
   * and answers with the page.
   */
  static boolean unreadableRequestLine(String path) {
    return path.length() > 8 * 1024 || path.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e);
  }

  /** Lectern's own error page (not Tomcat's), as ContainerErrorPages writes it. */
  static boolean lecternErrorPage(Answer a) {
    return a.contentType().startsWith("text/html")
        && a.body().startsWith("<!DOCTYPE html>")
        && a.body().contains("href=\"/assets/lectern.css\"");
  }

  /** {@link #violation(Answer, String)} for a request sent to {@code path}. */
  String violation(Answer a, String before, String path) {
    if (a.status() == 400
        && unreadableRequestLine(path)
        && lecternErrorPage(a)
        && snapshot().equals(before)) {
      rejectedByServer++;
      return null;
    }
    return violation(a, before);
  }

  /** Why an answer breaks the property, or null: no 5xx; refusals are problem+json; none change. */
  String violation(Answer a, String before) {
    if (a.status() >= 500) {
      return a.status() + " " + abbreviate(a.body());
    }
    if (beforeTheApplication(a) && snapshot().equals(before)) {
      rejectedByServer++;
      return null;
    }
    if (a.status() >= 400) {
      if (!a.contentType().startsWith("application/problem+json")) {
        return a.status() + " as " + a.contentType() + ": " + abbreviate(a.body());
      }
      var json = Http.JSON.readTree(a.body());
      if (json.get("status") == null || json.get("title") == null) {
        return a.status() + " problem without status/title: " + abbreviate(a.body());
      }
      String after = snapshot();
      if (!after.equals(before)) {
        return a.status() + " refused but changed data: " + diff(before, after);
      }
    }
    return null;
  }

  static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static String diff(String before, String after) {
    StringBuilder sb = new StringBuilder();
    String[] b = before.split(" ");
    String[] a = after.split(" ");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        sb.append(a[i].replaceAll("[=#].*", "")).append(' ');
      }
    }
    return sb.toString();
  }
}
