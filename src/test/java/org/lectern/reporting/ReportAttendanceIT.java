package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.registration.OwnRegistrations;
import org.lectern.registration.RegistrationService;
import org.lectern.reporting.ReportFixture.Delegate;
import org.lectern.session.Session;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The attendance part of the report — funnel, per-session counts, who completed and their
 * breakdowns — worked out by hand for three two-hour sessions and real Zoom participant reports,
 * and kept right while the data changes under it: a new import, a new completion rule, a moved
 * session, an unpublished one. Certificates are issued from the same completion decisions.
 */
class ReportAttendanceIT extends IntegrationTest {

  @Autowired ReportFixture fx;
  @Autowired SessionService sessions;
  @Autowired RegistrationService registrations;
  @Autowired OwnRegistrations own;

  static final String ZOOM_HEADER =
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording"
          + " Consent\n";

  Http http;
  String[] auth;
  LecternUser organiser;
  UUID programme;

  @Test
  void figuresFollowImportsRulesAndSessionChanges() {
    http = new Http(baseUrl());
    organiser = fx.organiser("report-att");
    programme = fx.programme(organiser, "report-att");
    auth = new String[] {"Authorization", "Bearer " + fx.token(organiser)};
    UUID s1 = session("2021-03-01");
    UUID s2 = session("2021-03-02");
    UUID s3 = session("2021-03-03");

    register("a", "KZ-75", "female", "advocate");
    register("b", "KZ-35", "male", "advocate");
    register("c", "KZ-63", "female", "ngo_lawyer");
    register("d", "KZ-10", "female", "advocate");
    register("e", "KZ-71", "male", "student");
    UUID f = register("f", "KZ-35", "female", "advocate");
    register("g", "KZ-47", "female", "advocate");

    JsonNode before = report();
    assertThat(before.at("/attendance/recorded").asBoolean()).isFalse();
    assertThat(before.at("/attendance/sessions/0/present").isValueNode()).isFalse();
    assertThat(before.at("/attendance/sessions").size()).isEqualTo(3);

    // Session 1, 10:00–12:00 Almaty: a all of it (100 %), b 60 min (50 %), c 100 min (83 %),
    // d 90 min (75 %), f (who cancels later) all of it, and a guest nobody registered.
    importZoom(
        s1,
        "03/01/2021",
        row("a", "09:55:00 AM", "12:05:00 PM"),
        row("b", "10:00:00 AM", "11:00:00 AM"),
        row("c", "10:00:00 AM", "11:40:00 AM"),
        row("d", "10:00:00 AM", "11:30:00 AM"),
        row("f", "10:00:00 AM", "12:00:00 PM"),
        "Guest Person,guest@elsewhere.example,03/01/2021 10:00:00 AM,03/01/2021 11:00:00"
            + " AM,60,Yes,Y\n");
    // Session 2: a 100 %, b 100 min (83 %), c two overlapping stays 10:00–11:50 (110 min, 91 %),
    // e ten minutes (8 %).
    importZoom(
        s2,
        "03/02/2021",
        row("a", "10:00:00 AM", "12:00:00 PM"),
        row("b", "10:00:00 AM", "11:40:00 AM"),
        row("c", "10:00:00 AM", "10:30:00 AM"),
        row("c", "10:20:00 AM", "11:50:00 AM"),
        row("e", "10:00:00 AM", "10:10:00 AM"));
    own.cancelByDelegate("f@report-att.example", f);

    // Default rule: 75 % of every session (3). Nobody has all three yet.
    JsonNode r = report();
    assertThat(r.at("/attendance/recorded").asBoolean()).isTrue();
    assertThat(r.at("/registrations/byStatus/CONFIRMED").asInt()).isEqualTo(6);
    assertThat(r.at("/attendance/attendedAtLeastOne").asInt()).isEqualTo(5);
    assertThat(r.at("/attendance/completed").asInt()).isZero();
    assertThat(online(r, s1)).isEqualTo(5); // a b c d and f, who was there before cancelling
    assertThat(session(r, s1).get("present").asInt()).isEqualTo(5);
    assertThat(session(r, s1).get("room").asInt()).isZero();
    assertThat(online(r, s2)).isEqualTo(4);
    assertThat(online(r, s3)).isZero();
    assertThat(funnel(r, "attended")).isEqualTo("5");

    // Two sessions of three at 75 %: a (100, 100) and c (83, 91); b (50, 83) and d (75, —) not.
    saveRule("75", "2");
    r = report();
    assertThat(r.at("/attendance/completed").asInt()).isEqualTo(2);
    assertThat(r.at("/attendance/completionRule").toString())
        .isEqualTo("{\"minPercent\":75,\"sessionsRequired\":2,\"sessions\":3}");
    assertThat(ReportIT.count(r.at("/completed/byGender"), "value", "female")).isEqualTo("2");
    assertThat(ReportIT.count(r.at("/completed/byGender"), "value", "male")).isEqualTo("absent");
    assertThat(ReportIT.count(r.at("/completed/byRegion"), "code", "KZ-75")).isEqualTo("1");
    assertThat(ReportIT.count(r.at("/completed/byRegion"), "code", "KZ-63")).isEqualTo("1");
    assertThat(ReportIT.count(r.at("/completed/byProfession"), "value", "ngo_lawyer"))
        .isEqualTo("1");

    // Session 3: b all of it, d 105 min (87 %). Now b (50, 83, 100) and d (75, —, 87) complete.
    importZoom(
        s3,
        "03/03/2021",
        row("b", "10:00:00 AM", "12:00:00 PM"),
        row("d", "10:00:00 AM", "11:45:00 AM"));
    r = report();
    assertThat(r.at("/attendance/completed").asInt()).isEqualTo(4);
    assertThat(online(r, s3)).isEqualTo(2);
    assertThat(ReportIT.count(r.at("/completed/byGender"), "value", "male")).isEqualTo("1");

    // Certificates come from the same decisions: four issued, and the funnel says so.
    var issued = http.postJson("/api/v1/programmes/" + programme + "/certificates", map(), auth);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    assertThat(issued.json().get("issued").asInt()).isEqualTo(4);
    assertThat(funnel(report(), "certified")).isEqualTo("4");

    // Session 2 moves an hour later (11:00–13:00): a keeps 60 min (50 %), b 40 (33 %), c 50
    // (41 %), e none. Only d (75, —, 87) still has two sessions at 75 %; e attended nothing.
    move(s2, Duration.ofHours(1));
    r = report();
    assertThat(r.at("/attendance/completed").asInt()).isEqualTo(1);
    assertThat(r.at("/attendance/attendedAtLeastOne").asInt()).isEqualTo(4);
    assertThat(online(r, s2)).isEqualTo(3);

    // Session 3 unpublished: two sessions, both required (rule: 2). a (100, 50) no, d (75, —) no.
    sessions.unpublish(organiser, s3);
    r = report();
    assertThat(r.at("/attendance/completed").asInt()).isZero();
    assertThat(r.at("/attendance/completionRule/sessions").asInt()).isEqualTo(2);
    assertThat(r.at("/attendance/attendedAtLeastOne").asInt()).isEqualTo(4);

    // The organiser's completion list reads the same stored results: every active delegate,
    // including g who never came, and not f, who cancelled.
    var page = http.get("/admin/programmes/" + programme + "/attendance");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Делегат A", "Делегат E", "Делегат G")
        .doesNotContain("Делегат F");
    // The dashboard states the rule its "completed" figure means, and the zone of its times, in
    // the reader's language.
    var dashboard = http.get("/admin/programmes/" + programme + "/report?lang=ru");
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.body())
        .contains("не менее 75 % запланированного времени на 2 из 2 занятий")
        .contains("часовом поясе программы")
        // and leads to the comparison with the organisation's other programmes.
        .containsPattern("href=\"/admin/organisations/[0-9a-f-]{36}/comparison\"");
  }

  private UUID session(String day) {
    var created =
        http.postJson(
            "/api/v1/programmes/" + programme + "/sessions",
            map(
                "title",
                "Session " + day,
                "startsAt",
                day + "T10:00:00+06:00",
                "endsAt",
                day + "T12:00:00+06:00",
                "mode",
                "ONLINE"),
            auth);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("PUBLISHED");
    return UUID.fromString(created.json().get("id").asString());
  }

  private UUID register(String who, String region, String gender, String profession) {
    return fx.register(
        organiser,
        programme,
        new Delegate(
            "Делегат " + who.toUpperCase(),
            who + "@report-att.example",
            region,
            gender,
            profession,
            "3-5",
            "ru"));
  }

  private static String row(String who, String from, String to) {
    String day = "%s";
    return "Делегат "
        + who.toUpperCase()
        + ","
        + who
        + "@report-att.example,"
        + day
        + " "
        + from
        + ","
        + day
        + " "
        + to
        + ",0,No,Y\n";
  }

  private void importZoom(UUID session, String day, String... rows) {
    StringBuilder csv = new StringBuilder(ZOOM_HEADER);
    for (String row : rows) {
      csv.append(row.replace("%s", day));
    }
    var imported =
        http.postFile(
            "/api/v1/sessions/" + session + "/attendance-imports",
            "file",
            "participants.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8),
            Map.of("timeZone", "Asia/Almaty"),
            auth);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
  }

  private void saveRule(String percent, String sessionsRequired) {
    ReportWeb.signIn(http, baseUrl(), organiser);
    var form = http.get("/admin/programmes/" + programme + "/attendance");
    var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(m.find()).isTrue();
    var saved =
        http.postForm(
            "/admin/programmes/" + programme + "/attendance",
            Map.of("minPercent", percent, "minSessions", sessionsRequired, "_csrf", m.group(1)));
    assertThat(saved.status()).as(saved.body()).isEqualTo(302);
  }

  private void move(UUID id, Duration by) {
    Session s = sessions.manageable(organiser, id);
    Instant from = s.startsAt().plus(by);
    Instant to = s.endsAt().plus(by);
    sessions.update(
        organiser,
        id,
        new SessionInput.Raw(
            s.title(),
            s.summary() == null ? LocalizedText.empty() : s.summary(),
            from,
            to,
            s.mode().name(),
            s.venue() == null ? LocalizedText.empty() : s.venue(),
            s.roomCapacity(),
            s.language(),
            s.interpretationLanguages(),
            s.iccprArticles(),
            s.meetingProvider() == null ? null : s.meetingProvider().name(),
            s.meetingUrl()),
        List.of());
  }

  private JsonNode report() {
    var r = http.get("/api/v1/programmes/" + programme + "/report", auth[0], auth[1]);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static int online(JsonNode report, UUID session) {
    JsonNode s = session(report, session);
    assertThat(s.get("present").asInt()).isGreaterThanOrEqualTo(s.get("online").asInt());
    return s.get("online").asInt();
  }

  private static JsonNode session(JsonNode report, UUID session) {
    for (JsonNode s : report.at("/attendance/sessions")) {
      if (s.get("id").asString().equals(session.toString())) {
        return s;
      }
    }
    throw new AssertionError("no session " + session + " in " + report.get("attendance"));
  }

  private static String funnel(JsonNode report, String step) {
    return report.at("/funnel/" + step).toString();
  }
}
