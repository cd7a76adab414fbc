package org.lectern.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lectern.attendance.importing.AttendanceImportService;
import org.lectern.attendance.importing.ImportChoices;
import org.lectern.identity.LecternUser;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A programme with sessions, delegates registered through the API, and raw HTTP for files. */
final class CertificateFixtures {

  static final String TITLE_EN = "Freedom of assembly in practice";
  static final String TITLE_KK = "Бейбіт жиналыс бостандығы іс жүзінде";
  static final String KAZAKH_NAME = "Әлия Қасымқызы Нұрғалиева-Үмбетова";
  static final Instant FIRST = Instant.parse("2031-03-03T04:00:00Z");

  private CertificateFixtures() {}

  /** A published programme of the organiser's organisation with two sessions (ICCPR 19 and 21). */
  static UUID programme(JdbcClient jdbc, UUID organisationId) {
    return programme(jdbc, organisationId, 6);
  }

  /** As {@link #programme(JdbcClient, UUID)}, with these CPD hours (its sessions last 3 h each). */
  static UUID programme(JdbcClient jdbc, UUID organisationId, int cpdHours) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into programme (id, organisation_id, slug, title, languages, time_zone, status,
              cpd_hours)
            values (:id, :org, :slug, cast(:title as jsonb), array['en','ru','kk'], 'Asia/Almaty',
              'PUBLISHED', :cpd)
            """)
        .param("id", id)
        .param("cpd", cpdHours)
        .param("org", organisationId)
        .param("slug", "assembly-" + id.toString().substring(0, 8))
        .param(
            "title",
            "{\"en\":\""
                + TITLE_EN
                + "\",\"ru\":\"Свобода собраний на практике\",\"kk\":\""
                + TITLE_KK
                + "\"}")
        .update();
    session(jdbc, id, FIRST, "{19}");
    session(jdbc, id, FIRST.plusSeconds(7 * 86400), "{21}");
    return id;
  }

  static void session(JdbcClient jdbc, UUID programme, Instant start, String articles) {
    jdbc.sql(
            """
            insert into session (id, programme_id, title, starts_at, ends_at, mode, status,
              iccpr_articles)
            values (:id, :p, cast(:title as jsonb), :s, :e, 'ONLINE', 'PUBLISHED',
              cast(:a as int[]))
            """)
        .param("id", UUID.randomUUID())
        .param("p", programme)
        .param("title", "{\"en\":\"Assemblies and the police\",\"kk\":\"Жиналыстар және полиция\"}")
        .param("s", Timestamp.from(start))
        .param("e", Timestamp.from(start.plusSeconds(3 * 3600)))
        .param("a", articles)
        .update();
  }

  /**
   * One delegate's presence in the programme's sessions (in order): minutes from each session's
   * start, 0 for absent; a negative start joins that many minutes early.
   */
  record Attendee(String name, String email, int joinedEarly, int... minutes) {}

  private static final DateTimeFormatter ZOOM =
      DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /**
   * Real attendance: for each session of the programme, a Zoom participants report of the
   * attendees, imported by the organiser through the attendance module (as its API does).
   */
  static void attendance(
      AttendanceImportService imports,
      LecternUser organiser,
      JdbcClient jdbc,
      UUID programme,
      List<Attendee> attendees) {
    List<SessionStart> sessions =
        jdbc.sql("select id, starts_at from session where programme_id = :p order by starts_at")
            .param("p", programme)
            .query(
                (rs, i) ->
                    new SessionStart(
                        rs.getObject("id", UUID.class), rs.getTimestamp("starts_at").toInstant()))
            .list();
    for (int i = 0; i < sessions.size(); i++) {
      StringBuilder csv =
          new StringBuilder(
              "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n");
      for (Attendee a : attendees) {
        int minutes = i < a.minutes().length ? a.minutes()[i] : 0;
        if (minutes <= 0) {
          continue;
        }
        Instant join = sessions.get(i).start().minusSeconds(60L * a.joinedEarly());
        Instant leave = sessions.get(i).start().plusSeconds(60L * minutes);
        csv.append(a.name().replace(",", " "))
            .append(',')
            .append(a.email())
            .append(',')
            .append(ZOOM.format(join))
            .append(',')
            .append(ZOOM.format(leave))
            .append(',')
            .append((leave.getEpochSecond() - join.getEpochSecond()) / 60)
            .append(",No\n");
      }
      imports.importFile(
          organiser,
          sessions.get(i).id(),
          csv.toString().getBytes(StandardCharsets.UTF_8),
          ImportChoices.parse("UTC", null, null));
    }
  }

  private record SessionStart(UUID id, Instant start) {}

  /** Registers through the public API and confirms from the mail, as a delegate does. */
  static UUID register(
      Http http,
      org.lectern.support.OptInMailbox mailbox,
      UUID programme,
      String name,
      String email,
      String language) {
    var r =
        http.postJson(
            "/api/v1/programmes/" + programme + "/registrations",
            Http.map("email", email, "fullName", name, "language", language, "consent", true));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return mailbox.confirm(email);
  }

  static String token(Http http, LecternUser user) {
    var r =
        http.postJson(
            "/api/v1/auth/tokens", Http.map("email", user.email(), "password", Fixtures.PASSWORD));
    return r.json().get("token").asString();
  }

  record Bytes(int status, byte[] body, String contentType) {}

  static Bytes getBytes(String url, String token) {
    var b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<byte[]> r =
          HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** POSTs one file as multipart/form-data field "file"; answers the body as text. */
  static HttpResponse<String> upload(String url, byte[] file, String language) {
    String boundary = "----lectern" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"certificate.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
