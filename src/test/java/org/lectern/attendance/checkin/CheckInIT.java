package org.lectern.attendance.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.AttendanceFixture;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeRole;
import org.lectern.session.Session;
import org.lectern.session.SessionInput;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The door of the room over HTTP, as door staff use it: sign in, check people in and out by name
 * and by personal code, a double submit recording one scan, refusals that record nothing (outside
 * the window, unknown and foreign codes, a cancelled delegate, strangers and funders), the API, and
 * the programme report's room count and completion following the scans.
 */
class CheckInIT extends AttendanceFixture {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern CODE_NONCE =
      Pattern.compile(
          "id=\"code-form\">\\s*<input[^>]*>\\s*<input type=\"hidden\" name=\"nonce\""
              + " value=\"([^\"]+)\"");

  @Autowired CheckInCodeService codes;
  @Autowired CheckInService door;
  @Autowired UserService users;

  @Test
  void doorStaffCheckPeopleInAndOutAndTheReportCountsTheRoom() {
    Programme p = programme("Asia/Almaty");
    Instant now = Instant.now();
    // Starts in half an hour: the door is open (an hour before), and a stay that begins now covers
    // the whole session.
    Session s = roomSession(p, now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(150)));
    UUID aigerim = register(p, "Айгерим Сарсенбаева", "aigerim.door@mail.kz", "kk");
    UUID bolat = register(p, "Bolat Nurlanov", "bolat.door@mail.kz");
    UUID dana = registerCancelled(p, "Dana Omarova", "dana.door@mail.kz");
    Programme other = programme("Asia/Almaty");
    UUID elsewhere = register(other, "Marat Ospanov", "marat.door@mail.kz");

    JsonNode before = report(p);
    assertThat(before.at("/attendance/recorded").asBoolean()).isFalse();
    assertThat(before.at("/attendance/completed").asInt()).isZero();

    Http http = signedIn(organiser);
    String path = "/admin/sessions/" + s.id() + "/check-in";
    var list = http.get(path + "?lang=en");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .contains("Айгерим Сарсенбаева", "Bolat Nurlanov", "Not checked in")
        .doesNotContain("Dana Omarova", "Marat Ospanov", "aigerim.door@mail.kz");
    assertThat(count(list.body(), "count-expected")).isEqualTo(2);
    assertThat(audited("attendance.doorListed")).isPositive();

    // A Latin search finds a Cyrillic name; the search text itself is not logged. It is posted:
    // a name never travels in a URL, and a query string no longer searches.
    assertThat(list.body()).contains("method=\"post\" action=\"" + path + "/search\"");
    var found = search(http, path, "aig sars");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body()).contains("Айгерим Сарсенбаева").doesNotContain("Bolat Nurlanov");
    assertThat(audited("attendance.doorSearched")).isPositive();
    assertThat(http.get(path + "?q=" + Http.enc("aig sars")).body()).contains("Bolat Nurlanov");

    // By name, submitted twice with the same form: one check-in.
    var form = rowForm(found.body(), aigerim);
    var first = http.postForm(path, form);
    assertThat(first.status()).isEqualTo(302);
    assertThat(first.header("Location")).endsWith(path).doesNotContain("aig");
    var twice = http.postForm(path, form);
    assertThat(twice.status()).isEqualTo(302);
    assertThat(scans(s, aigerim)).isEqualTo(1);
    var after =
        http.get(twice.header("Location").substring(twice.header("Location").indexOf("/admin")));
    assertThat(after.body()).contains("Айгерим Сарсенбаева checked in at", "In the room since");
    // The search is kept for the next person at the door (a flash attribute, not the URL).
    assertThat(after.body()).contains("value=\"aig sars\"");
    assertThat(count(after.body(), "count-in-room")).isEqualTo(1);

    // By code: typed in lower case without dashes. Checking in again by code records nothing.
    String bolatCode = codes.codeFor(bolat, p.id());
    var byCode =
        http.postForm(
            path, codeForm(http.get(path).body(), bolatCode.replace("-", "").toLowerCase()));
    assertThat(byCode.status()).isEqualTo(302);
    assertThat(scans(s, bolat)).isEqualTo(1);
    var again = http.postForm(path, codeForm(http.get(path).body(), bolatCode));
    assertThat(again.status()).isEqualTo(302);
    assertThat(http.get(path).body()).contains("Bolat Nurlanov is already in the room");
    assertThat(scans(s, bolat)).isEqualTo(1);
    // Bolat leaves before the start: nothing of the session counts for him.
    var out = http.postForm(path, rowForm(http.get(path).body(), bolat));
    assertThat(out.status()).isEqualTo(302);
    assertThat(kinds(s, bolat)).containsExactly("IN", "OUT");
    assertThat(http.get(path).body()).contains("Bolat Nurlanov checked out at", "Left at");

    // Refused, nothing recorded: a code that is no code, a code nobody has, another programme's
    // code, a cancelled delegate (by code and by a stale form), a check-out of someone not in.
    int recorded = allScans();
    assertRefused(
        http,
        path,
        codeForm(http.get(path).body(), "ABCD-EFGH-JKMN"),
        422,
        "This is not a check-in code");
    String nobody = CheckInCode.fromDigest(UUID.randomUUID().toString().replace("-", "")).value();
    assertRefused(
        http,
        path,
        codeForm(http.get(path).body(), nobody),
        422,
        "No delegate of this programme has this code");
    assertRefused(
        http,
        path,
        codeForm(http.get(path).body(), codes.codeFor(elsewhere, other.id())),
        422,
        "No delegate of this programme has this code");
    assertRefused(
        http,
        path,
        codeForm(http.get(path).body(), codes.codeFor(dana, p.id())),
        409,
        "This registration was cancelled");
    var stale = new HashMap<>(rowForm(http.get(path).body(), bolat));
    stale.put("registration", dana.toString());
    stale.put("nonce", UUID.randomUUID().toString());
    assertRefused(http, path, stale, 409, "This registration was cancelled");
    var outAgain = new HashMap<>(rowForm(http.get(path).body(), bolat));
    outAgain.put("kind", "OUT");
    assertRefused(http, path, outAgain, 409, "is not checked in");
    assertThat(allScans()).isEqualTo(recorded);

    // The API: a check-out and its repeat by nonce, then a check-in by code.
    String bearer = "Bearer " + token;
    String nonce = UUID.randomUUID().toString();
    var api = new Http(baseUrl());
    var apiOut =
        api.postJson(
            "/api/v1/sessions/" + s.id() + "/check-ins",
            map("registrationId", aigerim.toString(), "kind", "OUT", "nonce", nonce),
            "Authorization",
            bearer);
    assertThat(apiOut.status()).as(apiOut.body()).isEqualTo(201);
    assertThat(apiOut.json().get("outcome").asString()).isEqualTo("RECORDED");
    assertThat(apiOut.json().get("at").asString())
        .endsWith(p.timeZone().getRules().getOffset(Instant.now()).getId());
    var apiRepeat =
        api.postJson(
            "/api/v1/sessions/" + s.id() + "/check-ins",
            map("registrationId", aigerim.toString(), "kind", "OUT", "nonce", nonce),
            "Authorization",
            bearer);
    assertThat(apiRepeat.status()).isEqualTo(200);
    assertThat(apiRepeat.json().get("outcome").asString()).isEqualTo("REPEATED");
    var apiIn =
        api.postJson(
            "/api/v1/sessions/" + s.id() + "/check-ins",
            map("code", codes.codeFor(aigerim, p.id())),
            "Authorization",
            bearer);
    assertThat(apiIn.status()).as(apiIn.body()).isEqualTo(201);
    assertThat(apiIn.json().get("name").asString()).isEqualTo("Айгерим Сарсенбаева");
    var apiForeign =
        api.postJson(
            "/api/v1/sessions/" + s.id() + "/check-ins",
            map("code", codes.codeFor(elsewhere, other.id())),
            "Authorization",
            bearer);
    assertThat(apiForeign.status()).isEqualTo(422);
    assertThat(apiForeign.body()).contains("attendance.checkin.unknownCode");
    assertThat(kinds(s, aigerim)).containsExactly("IN", "OUT", "IN");
    assertThat(audited("attendance.checkedIn", s)).isEqualTo(3);
    assertThat(audited("attendance.checkedOut", s)).isEqualTo(2);

    // The report: Aigerim was in the room for all of the session (her stays cover it), Bolat for
    // none of it; with one session, she completed the programme.
    JsonNode r = report(p);
    assertThat(r.at("/attendance/recorded").asBoolean()).isTrue();
    JsonNode session = r.at("/attendance/sessions/0");
    assertThat(session.get("id").asString()).isEqualTo(s.id().toString());
    assertThat(session.get("room").asInt()).isEqualTo(1);
    assertThat(session.get("present").asInt()).isEqualTo(1);
    assertThat(session.get("online").asInt()).isZero();
    assertThat(r.at("/attendance/attendedAtLeastOne").asInt()).isEqualTo(1);
    assertThat(r.at("/attendance/completed").asInt()).isEqualTo(1);

    // Bolat comes back in: the stored results follow.
    assertThat(http.postForm(path, rowForm(http.get(path).body(), bolat)).status()).isEqualTo(302);
    r = report(p);
    assertThat(r.at("/attendance/sessions/0/room").asInt()).isEqualTo(2);
    assertThat(r.at("/attendance/completed").asInt()).isEqualTo(2);
    assertThat(count(http.get(path).body(), "count-in-room")).isEqualTo(2);
    assertThat(count(http.get(path).body(), "count-checked-in")).isEqualTo(2);
  }

  @Test
  void outsideTheWindowNothingIsRecordedAndTheRefusalIsInTheViewersLanguage() {
    Programme p = programme("Asia/Almaty");
    Instant now = Instant.now();
    Session later = roomSession(p, now.plus(Duration.ofHours(3)), now.plus(Duration.ofHours(5)));
    Session past = roomSession(p, now.minus(Duration.ofHours(5)), now.minus(Duration.ofHours(3)));
    UUID aigerim = register(p, "Айгерим Сарсенбаева", "aigerim.window@mail.kz", "kk");
    Http http = signedIn(organiser);

    String laterPath = "/admin/sessions/" + later.id() + "/check-in";
    var page = http.get(laterPath + "?lang=ru");
    assertThat(page.body()).contains("Отметка откроется");
    var early = http.postForm(laterPath, rowForm(page.body(), aigerim));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.body()).contains("Отметка на это занятие откроется", "Ничего не записано");

    String pastPath = "/admin/sessions/" + past.id() + "/check-in";
    var late =
        http.postForm(
            pastPath, codeForm(http.get(pastPath).body(), codes.codeFor(aigerim, p.id())));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body()).contains("Занятие закончилось").contains("aria-invalid=\"true\"");
    assertThat(scans(later, aigerim) + scans(past, aigerim)).isZero();

    // An online session has no door.
    Session online =
        session(
            p,
            now.plus(Duration.ofMinutes(10)),
            now.plus(Duration.ofHours(1)),
            "URL",
            "https://meet.example.org/x");
    assertThat(http.get("/admin/sessions/" + online.id() + "/check-in").status()).isEqualTo(409);
  }

  @Test
  void strangersAndFundersCannotOpenTheDoor() {
    Programme p = programme("Asia/Almaty");
    Instant now = Instant.now();
    Session s = roomSession(p, now.plus(Duration.ofMinutes(20)), now.plus(Duration.ofHours(2)));
    UUID aigerim = register(p, "Айгерим Сарсенбаева", "aigerim.stranger@mail.kz", "kk");
    String path = "/admin/sessions/" + s.id() + "/check-in";
    String form = signedIn(organiser).get(path).body();

    LecternUser stranger = fixtures.organiser("stranger");
    Http strangerHttp = signedIn(stranger);
    assertThat(strangerHttp.get(path).status()).isEqualTo(404);
    var withStrangersCsrf = new HashMap<>(rowForm(form, aigerim));
    withStrangersCsrf.put("_csrf", csrf(strangerHttp.get("/admin").body()));
    assertThat(strangerHttp.postForm(path, withStrangersCsrf).status()).isEqualTo(404);

    UUID funderId =
        users.create(
            "funder-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
            "Funder",
            Fixtures.PASSWORD,
            false);
    programmes.grant(organiser, p.id(), funderId, ProgrammeRole.FUNDER);
    LecternUser funder = users.find(funderId).orElseThrow();
    Http funderHttp = signedIn(funder);
    assertThat(funderHttp.get(path).status()).isEqualTo(403);
    var withFundersCsrf = new HashMap<>(rowForm(form, aigerim));
    withFundersCsrf.put("_csrf", csrf(funderHttp.get("/admin").body()));
    assertThat(funderHttp.postForm(path, withFundersCsrf).status()).isEqualTo(403);
    var api =
        new Http(baseUrl())
            .postJson(
                "/api/v1/sessions/" + s.id() + "/check-ins",
                map("registrationId", aigerim.toString()),
                "Authorization",
                "Bearer " + tokens.issue(funderId, "test").token());
    assertThat(api.status()).isEqualTo(403);
    assertThat(scans(s, aigerim)).isZero();
  }

  @Test
  void doorStaffCheckPeopleInAndSeeNothingElse() {
    Programme p = programme("Asia/Almaty");
    Instant now = Instant.now();
    Session s = roomSession(p, now.plus(Duration.ofMinutes(20)), now.plus(Duration.ofHours(2)));
    UUID aigerim = register(p, "Айгерим Сарсенбаева", "aigerim.door@mail.kz", "kk");
    UUID volunteerId =
        users.create(
            "door-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
            "Volunteer",
            Fixtures.PASSWORD,
            false);
    programmes.grant(organiser, p.id(), volunteerId, ProgrammeRole.DOOR);
    Http door = signedIn(users.find(volunteerId).orElseThrow());
    String path = "/admin/sessions/" + s.id() + "/check-in";

    // The back office lists the session whose door they work, and the door list opens.
    assertThat(door.get("/admin").body()).contains(path);
    var list = door.get(path);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .contains("Айгерим Сарсенбаева")
        .doesNotContain("/admin/sessions/" + s.id() + "/attendance\"");
    assertThat(door.postForm(path, rowForm(list.body(), aigerim)).status()).isEqualTo(302);
    assertThat(scans(s, aigerim)).isEqualTo(1);

    // Nothing else: no registrations, reports, attendance or session settings.
    for (String other :
        new String[] {
          "/admin/programmes/" + p.id() + "/registrations",
          "/admin/programmes/" + p.id() + "/report",
          "/admin/programmes/" + p.id() + "/members",
          "/admin/sessions/" + s.id() + "/attendance",
          "/admin/sessions/" + s.id()
        }) {
      assertThat(door.get(other).status()).as(other).isIn(403, 404);
    }
  }

  @Test
  void concurrentScansOfOnePersonRecordOneCheckIn() throws Exception {
    Programme p = programme("Asia/Almaty");
    Instant now = Instant.now();
    Session s = roomSession(p, now.plus(Duration.ofMinutes(20)), now.plus(Duration.ofHours(2)));
    UUID aigerim = register(p, "Айгерим Сарсенбаева", "aigerim.race@mail.kz", "kk");
    UUID bolat = register(p, "Bolat Nurlanov", "bolat.race@mail.kz");

    // The same nonce from six requests at once (a retrying phone): one scan.
    UUID nonce = UUID.randomUUID();
    var sameNonce =
        race(
            6,
            () ->
                door.scan(
                        organiser,
                        s.id(),
                        new CheckInService.Scan(nonce, aigerim, null, CheckIn.Kind.IN))
                    .outcome());
    assertThat(sameNonce).containsOnlyOnce(CheckInService.Outcome.RECORDED);
    assertThat(scans(s, aigerim)).isEqualTo(1);

    // Six door phones scanning one badge at once, each with its own nonce: one check-in.
    var ownNonces =
        race(
            6,
            () ->
                door.scan(
                        organiser,
                        s.id(),
                        new CheckInService.Scan(UUID.randomUUID(), bolat, null, CheckIn.Kind.IN))
                    .outcome());
    assertThat(ownNonces).containsOnlyOnce(CheckInService.Outcome.RECORDED);
    assertThat(ownNonces).filteredOn(o -> o == CheckInService.Outcome.ALREADY_IN).hasSize(5);
    assertThat(scans(s, bolat)).isEqualTo(1);
  }

  private static <T> List<T> race(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(task));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  private Session roomSession(Programme p, Instant start, Instant end) {
    return sessions.create(
        organiser,
        p.id(),
        new SessionInput.Raw(
            LocalizedText.of("en", "Fair trial in the room"),
            LocalizedText.empty(),
            start,
            end,
            "IN_PERSON",
            LocalizedText.of("en", "Almaty, Hotel Kazakhstan, hall 2"),
            40,
            "en",
            List.of(),
            List.of(),
            null,
            null),
        List.of(),
        true);
  }

  private Http signedIn(LecternUser user) {
    Http http = new Http(baseUrl());
    var r =
        http.postForm(
            "/login",
            Map.of(
                "email",
                user.email(),
                "password",
                Fixtures.PASSWORD,
                "_csrf",
                csrf(http.get("/login").body())));
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("Location")).doesNotContain("error");
    return http;
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("CSRF token in page").isTrue();
    return m.group(1);
  }

  /** The fields of a delegate's row form on the door list, as the page rendered them. */
  private static Map<String, String> rowForm(String html, UUID registration) {
    Matcher m =
        Pattern.compile(
                "name=\"_csrf\" value=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"nonce\""
                    + " value=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"registration\" value=\""
                    + registration
                    + "\">\\s*<input type=\"hidden\" name=\"kind\" value=\"(IN|OUT)\">\\s*"
                    + "<input type=\"hidden\" name=\"q\" value=\"([^\"]*)\">")
            .matcher(html);
    assertThat(m.find()).as("row form of %s", registration).isTrue();
    return Map.of(
        "_csrf",
        m.group(1),
        "nonce",
        m.group(2),
        "registration",
        registration.toString(),
        "kind",
        m.group(3),
        "q",
        m.group(4));
  }

  private static Map<String, String> codeForm(String html, String code) {
    Matcher m = CODE_NONCE.matcher(html);
    assertThat(m.find()).as("code form").isTrue();
    return Map.of("_csrf", csrf(html), "nonce", m.group(1), "kind", "IN", "code", code);
  }

  private static void assertRefused(
      Http http, String path, Map<String, String> form, int status, String message) {
    var r = http.postForm(path, form);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).contains(message);
  }

  private static int count(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(html);
    assertThat(m.find()).as(id).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private JsonNode report(Programme p) {
    var r =
        new Http(baseUrl())
            .get("/api/v1/programmes/" + p.id() + "/report", "Authorization", "Bearer " + token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private int scans(Session s, UUID registration) {
    return jdbc.sql(
            "select count(*) from attendance_checkin where session_id = :s and registration_id = :r")
        .param("s", s.id())
        .param("r", registration)
        .query(Integer.class)
        .single();
  }

  private List<String> kinds(Session s, UUID registration) {
    return jdbc.sql(
            "select kind from attendance_checkin where session_id = :s and registration_id = :r"
                + " order by at")
        .param("s", s.id())
        .param("r", registration)
        .query(String.class)
        .list();
  }

  private int allScans() {
    return count("attendance_checkin");
  }

  private int audited(String action, Session s) {
    return jdbc.sql("select count(*) from audit_entry where action = :a and details = :d")
        .param("a", action)
        .param("d", "session=" + s.id())
        .query(Integer.class)
        .single();
  }

  private int audited(String action) {
    return jdbc.sql("select count(*) from audit_entry where action = :a")
        .param("a", action)
        .query(Integer.class)
        .single();
  }

  /** Searches the door list as its form does: posted, with the page's CSRF token. */
  static Http.Response search(Http http, String path, String q) {
    Matcher m = CSRF.matcher(http.get(path).body());
    assertThat(m.find()).as("a CSRF token on the door page").isTrue();
    var posted = http.postForm(path + "/search", Map.of("_csrf", m.group(1), "q", q));
    if (posted.status() != 302) {
      return posted;
    }
    // The search answers with a redirect to the list (Back never meets a POST's page), and the
    // name stays out of the URL: the list shows it from a flash attribute.
    String location = posted.header("Location");
    assertThat(location).endsWith(path).doesNotContain("q=");
    return http.get(location.substring(location.indexOf("/admin")));
  }
}
