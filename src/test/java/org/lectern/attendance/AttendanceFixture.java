package org.lectern.attendance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.OwnRegistrations;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.session.Session;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** An organiser with an API token, programmes and sessions on a report's day, report uploads. */
public abstract class AttendanceFixture extends IntegrationTest {

  @Autowired protected Fixtures fixtures;
  @Autowired protected ProgrammeService programmes;
  @Autowired protected SessionService sessions;
  @Autowired protected ApiTokenService tokens;
  @Autowired protected RegistrationService registrationService;
  @Autowired protected OwnRegistrations own;

  protected LecternUser organiser;
  protected String token;

  @BeforeAll
  protected void organiser() {
    organiser = fixtures.organiser("att");
    token = tokens.issue(organiser.id(), "test").token();
  }

  protected Programme programme(String zone) {
    String slug = "att-" + UUID.randomUUID().toString().substring(0, 8);
    var in =
        ProgrammeInput.validate(
            new ProgrammeInput.Raw(
                slug,
                LocalizedText.of("en", "Attendance " + slug),
                LocalizedText.empty(),
                List.of("en", "ru", "kk"),
                zone,
                null,
                null,
                true,
                false));
    return programmes.create(organiser, fixtures.organisationOf(organiser), in);
  }

  protected Session session(Programme p, String start, String end) {
    ZoneId z = p.timeZone();
    return session(
        p,
        LocalDateTime.parse(start).atZone(z).toInstant(),
        LocalDateTime.parse(end).atZone(z).toInstant(),
        "URL",
        "https://meet.example.org/room-1");
  }

  protected Session session(
      Programme p, java.time.Instant start, java.time.Instant end, String provider, String url) {
    return sessions.create(
        organiser,
        p.id(),
        new SessionInput.Raw(
            LocalizedText.of("en", "Session " + start),
            LocalizedText.empty(),
            start,
            end,
            "ONLINE",
            LocalizedText.empty(),
            null,
            "en",
            List.of(),
            List.of(),
            provider,
            url),
        List.of(),
        true);
  }

  /** A real registration by the organiser (confirmed: these programmes have no capacity). */
  protected UUID register(Programme p, String fullName, String email) {
    return register(p, fullName, email, "ru");
  }

  protected UUID register(Programme p, String fullName, String email, String language) {
    return registrationService
        .register(p.id(), RegistrationRequest.minimal(fullName, email, language), organiser)
        .registration()
        .id();
  }

  protected UUID registerCancelled(Programme p, String fullName, String email) {
    UUID id = register(p, fullName, email);
    own.cancelByDelegate(email, id);
    return id;
  }

  protected static byte[] fixture(String name) {
    try (InputStream in = AttendanceFixture.class.getResourceAsStream("/attendance/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected Http.Response upload(Session s, byte[] file, Map<String, String> fields) {
    return upload(s, file, fields, token);
  }

  protected Http.Response upload(
      Session s, byte[] file, Map<String, String> fields, String bearer) {
    String boundary = "----att" + UUID.randomUUID();
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
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n");
    out.writeBytes(file);
    write(out, "\r\n--" + boundary + "--\r\n");
    var req =
        HttpRequest.newBuilder(
                URI.create(baseUrl() + "/api/v1/sessions/" + s.id() + "/attendance-imports"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Authorization", "Bearer " + bearer)
            .header("Accept-Language", "en")
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .build();
    try {
      var r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
      return new Http.Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected Http.Response attendance(Session s) {
    return new Http(baseUrl())
        .get("/api/v1/sessions/" + s.id() + "/attendance", "Authorization", "Bearer " + token);
  }

  protected int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
