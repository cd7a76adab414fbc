package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeRole;
import org.lectern.reporting.ReportFixture.Delegate;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organiser's dashboard, the programme's roles and the funder's view in Russian and Kazakh,
 * checked by axe-core.
 */
class ReportBrowserIT extends BrowserTest {

  @Autowired ReportFixture fx;

  @Test
  void organiserDashboardAndFunderViewInRussianAndKazakh() {
    LecternUser organiser = fx.organiser("browser-report");
    UUID p = fx.programme(organiser, "browser-report");
    String[] regions = {
      "KZ-75", "KZ-75", "KZ-75", "KZ-75", "KZ-75", "KZ-71", "KZ-35", "KZ-63", "KZ-62"
    };
    for (int i = 0; i < regions.length; i++) {
      fx.register(
          organiser,
          p,
          new Delegate(
              "Тест Браузеров" + i,
              "b" + i + "@browser.example",
              regions[i],
              i % 2 == 0 ? "female" : "male",
              "advocate",
              "3-5",
              i % 3 == 0 ? "kk" : "ru"));
    }
    LecternUser funder = fx.funderOf(organiser, p);
    fx.publish(organiser, p, "после 1-го занятия");

    try (BrowserContext context = desktop("Asia/Almaty", true)) {
      Page page = signIn(context, organiser);
      page.navigate("/admin/programmes/" + p + "/report?lang=ru");
      assertThat(page.locator("h1").textContent()).contains("Отчёт");
      assertThat(page.locator("svg.kz-map circle.reach").count()).isEqualTo(5);
      assertThat(page.content()).contains("Алматы").contains("Улытауская область");
      assertAccessible(page);
      page.navigate("/admin/programmes/" + p + "/report?lang=kk");
      assertThat(page.content()).contains("Қазақстан бойынша қамту");
      assertAccessible(page);
      page.navigate("/admin/organisations/" + fixturesOrg(organiser) + "/comparison?lang=kk");
      assertAccessible(page);
      page.navigate("/admin/organisations/" + fixturesOrg(organiser) + "/main-centres?lang=ru");
      assertAccessible(page);
    }
    try (BrowserContext context = desktop("Asia/Almaty", true)) {
      Page page = signIn(context, funder);
      for (String lang : new String[] {"ru", "kk"}) {
        page.navigate("/funder/programmes/" + p + "?lang=" + lang);
        String html = page.content();
        assertThat(html)
            .contains("&lt;5")
            .doesNotContain("Браузеров")
            .doesNotContain("@browser.example");
        assertAccessible(page);
      }
      assertThat(page.navigate("/admin/programmes/" + p + "/registrations").status())
          .isIn(403, 404);
    }
  }

  /**
   * Measures the page's map as drawn: its width against the screen's, and each written count's box
   * (the width Chromium gives the text, the height of a digit above its baseline) against the frame
   * and the other counts.
   */
  private static final String MEASURE_MAP =
      """
      () => {
        const svg = document.querySelector('svg.kz-map');
        const vb = svg.viewBox.baseVal;
        const shown = [...svg.querySelectorAll('g.counts')]
          .filter(g => getComputedStyle(g).display !== 'none');
        if (shown.length !== 1) {
          return {problems: shown.length + ' sets of counts shown'};
        }
        const size = parseFloat(shown[0].getAttribute('font-size'));
        const boxes = [...shown[0].querySelectorAll('text')].map(t => {
          const b = t.getBBox();
          const y = parseFloat(t.getAttribute('y'));
          return {x: b.x, w: b.width, y: y - 0.72 * size, h: 0.72 * size, text: t.textContent};
        });
        const problems = [];
        boxes.forEach((a, i) => {
          if (a.x < 0 || a.x + a.w > vb.width || a.y < 0 || a.y + a.h > vb.height) {
            problems.push(a.text + ' leaves the frame');
          }
          boxes.slice(i + 1).forEach(b => {
            if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) {
              problems.push(a.text + ' overlaps ' + b.text);
            }
          });
        });
        return {
          problems: problems.join('; '),
          set: shown[0].getAttribute('class'),
          pixels: shown[0].querySelector('text').getBoundingClientRect().height,
          labels: boxes.length,
          circles: svg.querySelectorAll('circle.reach').length,
          svgWidth: svg.getBoundingClientRect().width,
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth
        };
      }
      """;

  @Test
  void mapFitsAPhoneAndADesktopWithItsCountsApartAndInsideTheFrame() {
    LecternUser organiser = fx.organiser("browser-map");
    UUID p = fx.programme(organiser, "browser-map");
    // Almaty and Qonaev, Shymkent and Turkistan are close neighbours on the map.
    String[][] regions = {
      {"KZ-75", "12"},
      {"KZ-19", "6"},
      {"KZ-79", "5"},
      {"KZ-61", "1"},
      {"KZ-31", "2"},
      {"KZ-71", "9"},
      {"KZ-35", "1"},
      {"KZ-23", "3"}
    };
    int n = 0;
    for (String[] r : regions) {
      for (int i = 0; i < Integer.parseInt(r[1]); i++, n++) {
        fx.register(
            organiser,
            p,
            new Delegate(
                "Карта Браузеров" + n,
                "m" + n + "@map.example",
                r[0],
                n % 2 == 0 ? "female" : "male",
                "advocate",
                "3-5",
                "ru"));
      }
    }
    for (boolean small : new boolean[] {true, false}) {
      try (BrowserContext context =
          small ? phone("Asia/Almaty", true) : desktop("Asia/Almaty", true)) {
        Page page = signIn(context, organiser);
        for (String view : new String[] {"?lang=en", "?view=funder&lang=kk"}) {
          page.navigate("/admin/programmes/" + p + "/report" + view);
          @SuppressWarnings("unchecked")
          var m = (java.util.Map<String, Object>) page.evaluate(MEASURE_MAP);
          String where = (small ? "phone " : "desktop ") + view + ": " + m;
          assertThat(((Number) m.get("circles")).intValue()).as(where).isEqualTo(8);
          assertThat(m.get("problems")).as(where).isEqualTo("");
          // Bigger type on the phone's narrow map, so that the counts stay legible there.
          assertThat(m.get("set")).as(where).isEqualTo(small ? "counts narrow" : "counts wide");
          assertThat(((Number) m.get("pixels")).doubleValue()).as(where).isGreaterThan(11);
          assertThat(((Number) m.get("labels")).intValue()).as(where).isGreaterThanOrEqualTo(6);
          double width = ((Number) m.get("svgWidth")).doubleValue();
          int screen = ((Number) m.get("innerWidth")).intValue();
          assertThat(((Number) m.get("scrollWidth")).intValue())
              .as(where)
              .isLessThanOrEqualTo(screen);
          assertThat(width).as(where).isLessThanOrEqualTo(screen);
          if (small) {
            assertThat(width).as("the map takes the phone's width, " + where).isGreaterThan(300);
          }
          assertAccessible(page);
        }
      }
    }
  }

  @Test
  void membersPageInRussianSaysWhoseRoleEachButtonRevokesAndWorksWithoutJavaScript() {
    LecternUser organiser = fx.organiser("browser-members");
    UUID p = fx.programme(organiser, "browser-members");
    LecternUser funder = fx.funderOf(organiser, p);
    LecternUser speaker = fx.member(organiser, p, ProgrammeRole.SPEAKER);
    String revokeFunder = "Отозвать роль «Донор» у пользователя " + funder.fullName();

    try (BrowserContext context = desktop("Asia/Almaty", true)) {
      Page page = signIn(context, organiser);
      page.navigate("/admin/programmes/" + p + "/members?lang=ru");
      assertThat(page.locator("main table tbody tr").count()).isEqualTo(2);
      assertThat(page.locator("main table").innerText())
          .contains(funder.email())
          .contains(speaker.email());
      assertThat(
              page.getByRole(
                      AriaRole.BUTTON,
                      new Page.GetByRoleOptions().setName(revokeFunder).setExact(true))
                  .count())
          .isEqualTo(1);
      assertAccessible(page);
    }
    try (BrowserContext context = desktop("Asia/Almaty", false)) {
      Page page = signIn(context, organiser);
      page.navigate("/admin/programmes/" + p + "/members?lang=ru");
      page.getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName(revokeFunder).setExact(true))
          .click();
      page.waitForURL("**/admin/programmes/" + p + "/members");
      assertThat(page.locator("[role=status]").innerText())
          .isEqualTo("Роль «Донор» у пользователя " + funder.fullName() + " отозвана.");
      assertThat(page.locator("main table tbody tr").count()).isEqualTo(1);
      assertThat(page.content()).doesNotContain(funder.email());
    }
  }

  @Autowired Fixtures fixtures;

  private UUID fixturesOrg(LecternUser organiser) {
    return fixtures.organisationOf(organiser);
  }

  private Page signIn(BrowserContext context, LecternUser user) {
    Page page = context.newPage();
    signIn(page, user.email(), null);
    return page;
  }
}
