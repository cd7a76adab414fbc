package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A whole programme through the public API only, as an integrator or an acceptance check drives it:
 * create, schedule, publish, register, import a Zoom report, read attendance, certify, verify.
 */
class ProgrammeJourneyApiIT extends IntegrationTest {

  @Autowired Fixtures fixtures;

  @Test
  void fromProgrammeToVerifiedCertificate() throws Exception {
    Http http = new Http(baseUrl());
    var organiser = fixtures.organiser("journey");
    String token =
        http.postJson(
                "/api/v1/auth/tokens",
                map("email", organiser.email(), "password", Fixtures.PASSWORD))
            .json()
            .get("token")
            .asString();
    String[] auth = {"Authorization", "Bearer " + token};

    String slug = "journey-" + UUID.randomUUID().toString().substring(0, 6);
    JsonNode programme =
        http.postJson(
                "/api/v1/programmes",
                map(
                    "slug",
                    slug,
                    "title",
                    map("ru", "Право на справедливый суд", "kk", "Әділ сотқа құқық"),
                    "timeZone",
                    "Asia/Almaty",
                    "languages",
                    List.of("ru", "kk"),
                    "capacity",
                    10,
                    "cpdHours",
                    2),
                auth)
            .json();
    String pid = programme.get("id").asString();
    var session =
        http.postJson(
            "/api/v1/programmes/" + pid + "/sessions",
            map(
                "title",
                "Статья 14",
                "startsAt",
                "2021-02-09T10:00:00+06:00",
                "endsAt",
                "2021-02-09T12:00:00+06:00",
                "mode",
                "ONLINE",
                "iccprArticles",
                List.of(14)),
            auth);
    assertThat(session.status()).isEqualTo(201);
    String sid = session.json().get("id").asString();
    assertThat(
            http.patchJson("/api/v1/programmes/" + pid, map("status", "PUBLISHED"), auth).status())
        .isEqualTo(200);

    var closed =
        http.postJson(
            "/api/v1/programmes/" + pid + "/registrations",
            map("email", "late@example.kz", "fullName", "Late", "consent", true));
    // The session is in the past: the public may no longer register (the answer is the same as
    // always, 202; only the mail to the address says it is closed), the organiser still may.
    assertThat(closed.status()).isEqualTo(202);
    assertThat(closed.body()).isEqualTo("{\"status\":\"RECEIVED\"}");
    String alice = register(http, pid, "alice@example.kz", "Әлия Қасымқызы", "kk", 201, auth);
    String bob = register(http, pid, "bob@example.kz", "Bolat Nurlanov", "ru", 201, auth);
    assertThat(register(http, pid, "ALICE@example.kz", "Әлия Қасымқызы", "kk", 200, auth))
        .isEqualTo(alice);

    // Zoom "participants" report in Almaty time. Alice: 09:58–12:01 (all 120 scheduled minutes).
    // Bolat: 10:30–11:00 and a rejoin 10:50–11:40 that overlaps: 70 minutes, not 80. Carol is
    // not registered.
    String zoom =
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent\n"
            + "Әлия Қасымқызы,alice@example.kz,02/09/2021 09:58:00 AM,02/09/2021 12:01:00 PM,123,No,Y\n"
            + "Bolat Nurlanov,bob@example.kz,02/09/2021 10:30:00 AM,02/09/2021 11:00:00 AM,30,No,Y\n"
            + "Bolat Nurlanov,bob@example.kz,02/09/2021 10:50:00 AM,02/09/2021 11:40:00 AM,50,No,Y\n"
            + "Carol (guest),carol@example.org,02/09/2021 10:00:00 AM,02/09/2021 10:20:00 AM,20,Yes,Y\n";
    var imported =
        http.postFile(
            "/api/v1/sessions/" + sid + "/attendance-imports",
            "file",
            "participants.csv",
            zoom.getBytes(StandardCharsets.UTF_8),
            Map.of(),
            auth);
    assertThat(imported.status()).isEqualTo(201);
    assertThat(imported.json().get("participants").asInt()).isEqualTo(3);
    assertThat(imported.json().get("matched").asInt()).isEqualTo(2);
    assertThat(imported.json().get("unmatched").asInt()).isEqualTo(1);

    JsonNode attendance = http.get("/api/v1/sessions/" + sid + "/attendance", auth).json();
    assertThat(minutesOf(attendance, alice)).isEqualTo(120);
    assertThat(minutesOf(attendance, bob)).isEqualTo(70);

    var issued = http.postJson("/api/v1/programmes/" + pid + "/certificates", map(), auth);
    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.json().get("issued").asInt()).isEqualTo(1);
    JsonNode certificates = http.get("/api/v1/programmes/" + pid + "/certificates", auth).json();
    assertThat(certificates.size()).isEqualTo(1);
    assertThat(certificates.get(0).get("registrationId").asString()).isEqualTo(alice);
    String code = certificates.get(0).get("code").asString();

    byte[] pdf = http.bytes("/api/v1/certificates/" + code + "/pdf", auth);
    try (var doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Әлия Қасымқызы").contains("2");
    }
    var verify =
        new Http(baseUrl()).get("/verify/" + code.toLowerCase().replace("-", "") + "?lang=kk");
    assertThat(verify.status()).isEqualTo(200);
    assertThat(verify.body()).contains("Әлия Қасымқызы");
    assertThat(new Http(baseUrl()).get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE").status()).isEqualTo(404);
  }

  static String register(
      Http http, String pid, String email, String name, String lang, int status, String... auth) {
    var r =
        http.postJson(
            "/api/v1/programmes/" + pid + "/registrations",
            map(
                "email",
                email,
                "fullName",
                name,
                "language",
                lang,
                "region",
                "KZ-75",
                "consent",
                true),
            auth);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("status").asString()).isEqualTo("CONFIRMED");
    return r.json().get("id").asString();
  }

  static int minutesOf(JsonNode attendance, String registrationId) {
    for (JsonNode a : attendance) {
      if (a.has("registrationId") && registrationId.equals(a.get("registrationId").asString())) {
        return a.get("minutes").asInt();
      }
    }
    throw new AssertionError("no attendance for " + registrationId + " in " + attendance);
  }
}
