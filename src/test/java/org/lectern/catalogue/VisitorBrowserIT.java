package org.lectern.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.demo.DemoData;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.SessionService;
import org.lectern.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A visitor opens the demo programme in Russian, in their own time zone, and takes the .ics. */
class VisitorBrowserIT extends BrowserTest {

  static final String PROGRAMME = "/programmes/iccpr-webinars-2021";

  @Autowired DemoData demo;
  @Autowired ProgrammeService programmes;
  @Autowired SessionService sessions;

  @BeforeAll
  void demoData() {
    if (demo.isEmpty()) {
      demo.load();
    }
  }

  @Test
  void russianVisitorInLondonSeesTheScheduleInTheirTimeAndDownloadsTheCalendar() throws Exception {
    try (BrowserContext context = desktop("Europe/London", true)) {
      Page page = context.newPage();
      page.navigate("/");
      page.locator("a[lang=ru]").first().click();
      page.waitForURL("**lang=ru");
      page.locator("a[href='" + PROGRAMME + "']").first().click();
      page.waitForURL("**" + PROGRAMME);
      assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ru");
      assertThat(page.locator("h1").innerText()).contains("МПГПП");
      // The browser reported Europe/London: first webinar 15:00 in Almaty (UTC+6) is 09:00 there.
      String schedule = page.locator("ol.schedule").innerText();
      assertThat(schedule).contains("9 февраля 2021").contains("09:00–11:00");
      assertThat(page.locator(".zone-note").first().innerText())
          .contains("Europe/London")
          .contains("Asia/Almaty");
      Download download =
          page.waitForDownload(() -> page.locator("a[href$='.ics']").first().click());
      String ics = Files.readString(download.path());
      assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("DTSTART:20210209T090000Z");
      assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(8);
      assertAccessible(page);
    }
  }

  @Test
  void withoutJavaScriptTimesAreInTheProgrammesZoneAndSayWhichZone() {
    try (BrowserContext context = phone("Asia/Tokyo", false)) {
      Page page = context.newPage();
      page.navigate(PROGRAMME + "?lang=kk");
      String schedule = page.locator("ol.schedule").innerText();
      assertThat(schedule).contains("15:00–17:00");
      assertThat(page.locator(".zone-note").first().innerText()).contains("Asia/Almaty");
      page.selectOption("#tz", "Asia/Aqtobe");
      page.locator("form.zone button").click();
      page.waitForURL("**" + PROGRAMME + "**");
      assertThat(page.locator("ol.schedule").innerText()).contains("14:00–16:00");
    }
  }

  @Test
  void everyPublicPageIsAccessibleOnAPhoneInEveryLanguage() {
    var programme = programmes.publishedBySlug("iccpr-webinars-2021").orElseThrow();
    var session = sessions.publishedOfProgramme(programme.id()).get(0);
    String speaker = sessions.speakers(session.id()).get(0).speakerId().toString();
    List<String> paths =
        List.of(
            "/",
            PROGRAMME,
            "/sessions/" + session.id(),
            "/speakers/" + speaker,
            "/iccpr",
            "/iccpr/14",
            "/login",
            "/programmes/no-such-thing");
    try (BrowserContext context = phone("Asia/Almaty", true)) {
      Page page = context.newPage();
      for (String lang : List.of("ru", "kk", "en")) {
        for (String path : paths) {
          page.navigate(path + "?lang=" + lang);
          assertThat(page.locator("html").getAttribute("lang")).isEqualTo(lang);
          assertAccessible(page);
          assertThat(
                  (Boolean)
                      page.evaluate(
                          "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"))
              .as("no horizontal scrolling on a phone: %s", path)
              .isTrue();
        }
      }
    }
  }

  @Test
  void theAccessibilityCheckDoesFindViolations() {
    try (BrowserContext context = desktop("UTC", true)) {
      Page page = context.newPage();
      page.setContent("<html><body><img src='x.png'><input type='text'></body></html>");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertAccessible(page))
          .hasMessageContaining("image-alt");
    }
  }
}
