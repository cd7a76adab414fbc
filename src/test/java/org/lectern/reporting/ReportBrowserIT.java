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
    page.navigate("/login");
    page.fill("#email", user.email());
    page.fill("#password", Fixtures.PASSWORD);
    page.locator("main form button[type=submit]").click();
    page.waitForURL("**/admin");
    return page;
  }
}
