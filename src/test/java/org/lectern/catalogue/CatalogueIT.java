package org.lectern.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Public pages as a visitor sees them: languages, time zones, calendar files, escaping. */
class CatalogueIT extends IntegrationTest {

  @Autowired Fixtures fixtures;
  @Autowired ProgrammeService programmes;
  @Autowired SessionService sessions;

  LecternUser organiser;
  Programme programme;
  Session session;
  Http http;

  @BeforeAll
  void data() {
    http = new Http(baseUrl());
    organiser = fixtures.organiser("cat");
    programme =
        programmes.create(
            organiser,
            null,
            ProgrammeInput.validate(
                new ProgrammeInput.Raw(
                    "cat-" + UUID.randomUUID().toString().substring(0, 6),
                    new LocalizedText(
                        Map.of(
                            "ru",
                            "Права <script>alert(1)</script>",
                            "kk",
                            "Құқықтар",
                            "en",
                            "Rights")),
                    LocalizedText.of("ru", "Описание **важно**"),
                    List.of("ru", "kk", "en"),
                    "Asia/Almaty",
                    BigDecimal.valueOf(4),
                    null,
                    true,
                    false)));
    session =
        sessions.create(
            organiser,
            programme.id(),
            new SessionInput.Raw(
                new LocalizedText(
                    Map.of("ru", "Свобода выражения", "kk", "Пікір білдіру бостандығы")),
                LocalizedText.empty(),
                Instant.parse("2021-02-09T04:00:00Z"),
                Instant.parse("2021-02-09T06:00:00Z"),
                "ONLINE",
                LocalizedText.empty(),
                null,
                "ru",
                List.of("en"),
                List.of(19, 21),
                "ZOOM",
                "https://zoom.example.org/secret-meeting"),
            List.of(),
            true);
    programmes.publish(organiser, programme.id());
  }

  Session newSession() {
    return sessions.create(
        organiser,
        programme.id(),
        new SessionInput.Raw(
            LocalizedText.of("ru", "Календарь"),
            LocalizedText.empty(),
            Instant.parse("2021-02-09T04:00:00Z"),
            Instant.parse("2021-02-09T06:00:00Z"),
            "ONLINE",
            LocalizedText.empty(),
            null,
            "ru",
            List.of(),
            List.of(),
            null,
            null),
        List.of(),
        true);
  }

  String page() {
    return "/programmes/" + programme.slug();
  }

  @Test
  void programmePageIsInTheChosenLanguageAndRemembersIt() {
    var kk = http.get(page() + "?lang=kk");
    assertThat(kk.status()).isEqualTo(200);
    assertThat(kk.body()).contains("<html lang=\"kk\"").contains("Құқықтар").contains("Кесте");
    assertThat(kk.header("Set-Cookie")).contains("lang=kk");
    var again = http.get(page());
    assertThat(again.body()).contains("<html lang=\"kk\"");
    var ru = new Http(baseUrl()).get(page(), "Accept-Language", "ru-RU,ru;q=0.9");
    assertThat(ru.body()).contains("<html lang=\"ru\"").contains("Расписание");
    var unknown = new Http(baseUrl()).get(page() + "?lang=fr", "Accept-Language", "de");
    assertThat(unknown.body()).contains("<html lang=\"en\"").contains("Schedule");
  }

  @Test
  void timesAreShownInTheProgrammeZoneByDefaultAndInTheViewersZoneWhenKnown() {
    var visitor = new Http(baseUrl());
    var byDefault = visitor.get(page() + "?lang=en");
    assertThat(byDefault.body()).contains("10:00–12:00").contains("Asia/Almaty, UTC+06:00");
    var london = visitor.get("/preferences/zone?tz=Europe/London&back=" + Http.enc(page()));
    assertThat(london.status()).isEqualTo(302);
    assertThat(london.header("Location")).endsWith(page());
    var shown = visitor.get(page());
    assertThat(shown.body())
        .contains("04:00–06:00")
        .contains("Europe/London")
        .contains("Programme time: Tuesday, 9 February 2021, 10:00–12:00")
        .contains("Asia/Almaty");
  }

  @Test
  void noOpenRedirectThroughTheZonePreference() {
    var r = http.get("/preferences/zone?tz=UTC&back=" + Http.enc("//evil.example.org/"));
    assertThat(r.header("Location")).isEqualTo("/").doesNotContain("evil");
  }

  @Test
  void organiserTextIsEscapedAndMarkdownIsSafe() {
    var body = http.get(page() + "?lang=ru").body();
    assertThat(body).doesNotContain("<script>alert(1)</script>");
    assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(body).contains("<strong>важно</strong>");
    assertThat(body).doesNotContain("secret-meeting");
  }

  @Test
  void sessionCalendarFileIsValidWithAStableUidAndGrowingSequence() throws Exception {
    Session session = newSession();
    var first = http.get("/sessions/" + session.id() + ".ics");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Content-Type")).startsWith("text/calendar");
    VEvent event = onlyEvent(first.body());
    assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(session.id() + "@lectern");
    assertThat(first.body())
        .contains("DTSTART:20210209T040000Z")
        .contains("DTEND:20210209T060000Z");
    int sequence = Integer.parseInt(event.getSequence().getValue());

    sessions.update(
        organiser,
        session.id(),
        new SessionInput.Raw(
            session.title(),
            LocalizedText.empty(),
            Instant.parse("2021-02-09T05:00:00Z"),
            Instant.parse("2021-02-09T07:00:00Z"),
            "ONLINE",
            LocalizedText.empty(),
            null,
            "ru",
            List.of("en"),
            List.of(19, 21),
            "ZOOM",
            "https://zoom.example.org/secret-meeting"),
        List.of());
    VEvent updated = onlyEvent(http.get("/sessions/" + session.id() + ".ics").body());
    assertThat(updated.getUid().orElseThrow().getValue()).isEqualTo(session.id() + "@lectern");
    assertThat(Integer.parseInt(updated.getSequence().getValue())).isGreaterThan(sequence);
    assertThat(http.get("/sessions/" + session.id() + ".ics").body())
        .contains("DTSTART:20210209T050000Z");
  }

  @Test
  void programmeCalendarHasEveryPublishedSession() throws Exception {
    var r = http.get(page() + ".ics?lang=kk");
    assertThat(r.status()).isEqualTo(200);
    Calendar cal = new CalendarBuilder().build(new StringReader(r.body()));
    assertThat(cal.getComponents("VEVENT"))
        .hasSize(sessions.publishedOfProgramme(programme.id()).size());
    assertThat(r.body()).contains("Пікір білдіру бостандығы");
  }

  @Test
  void articlePageListsTheSessionsOnIt() {
    var r = http.get("/iccpr/19?lang=ru");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("Статья 19").contains("/sessions/" + session.id());
    assertThat(http.get("/iccpr/54").status()).isEqualTo(404);
    assertThat(http.get("/iccpr/abc").status()).isEqualTo(404);
  }

  @Test
  void unknownThingsAre404PagesInTheVisitorsLanguage() {
    var r = new Http(baseUrl()).get("/programmes/no-such-programme", "Accept-Language", "kk");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("Табылмады");
    assertThat(http.get("/sessions/not-a-uuid").status()).isEqualTo(404);
    assertThat(http.get("/sessions/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(http.get("/speakers/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void homeListsThePublishedProgrammeAsPast() {
    var r = http.get("/?lang=en");
    assertThat(r.body()).contains("href=\"/programmes/" + programme.slug() + "\"");
    assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'");
  }

  @Test
  void pagesLoadNothingFromOtherOrigins() {
    for (String path : List.of("/", page(), "/sessions/" + session.id(), "/iccpr", "/login")) {
      String body = http.get(path).body();
      assertThat(body).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }
  }

  static VEvent onlyEvent(String ics) throws Exception {
    Calendar cal = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = cal.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    return events.get(0);
  }
}
