package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An organiser signs in, adds a session in Kazakh and Russian, publishes it, and sees it public.
 */
class OrganiserBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;
  @Autowired ProgrammeService programmes;

  @Test
  void organiserAddsASessionInKazakhAndRussianAndItAppearsPublicly() {
    LecternUser organiser = fixtures.organiser("browser");
    Programme programme =
        fixtures.programme(
            organiser,
            "browser",
            new LocalizedText(Map.of("ru", "Гибридная серия", "kk", "Гибридті цикл")),
            List.of("ru", "kk"),
            BigDecimal.valueOf(2),
            40);
    programmes.publish(organiser, programme.id());

    try (BrowserContext context = desktop("Asia/Almaty", true)) {
      Page page = context.newPage();
      page.navigate("/login?lang=kk");
      assertAccessible(page);
      signIn(page, organiser.email(), "kk");

      page.navigate("/admin/programmes/" + programme.id() + "/sessions/new");
      assertAccessible(page);
      page.fill("#title-kk", "Бейбіт жиналыс бостандығы");
      page.fill("#title-ru", "Свобода мирных собраний");
      page.fill("#startsAt", "2027-03-11T10:00");
      page.fill("#endsAt", "2027-03-11T12:00");
      page.check("input[name=mode][value=ONLINE]");
      page.check("#publish");
      page.locator("main form.stack button[type=submit]").click();
      page.waitForLoadState();
      assertThat(page.locator("[role=status]").count()).isPositive();

      page.navigate("/programmes/" + programme.slug() + "?lang=kk");
      assertThat(page.locator("ol.schedule").innerText())
          .contains("Бейбіт жиналыс бостандығы")
          .contains("10:00–12:00");
      page.navigate("/programmes/" + programme.slug() + "?lang=ru");
      assertThat(page.locator("ol.schedule").innerText()).contains("Свобода мирных собраний");
      assertAccessible(page);
    }
  }
}
