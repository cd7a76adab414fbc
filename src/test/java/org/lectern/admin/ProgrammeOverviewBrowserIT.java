package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A programme's overview and its one menu on a phone, in Russian: without JavaScript the menu is a
 * plain list; with it, the menu folds under its summary and opens on a tap. axe-core (which needs
 * scripts to run) checks the pages with the menu open — the markup a browser without scripts shows.
 */
class ProgrammeOverviewBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;

  @Test
  void theOverviewAndItsMenuWorkOnAPhoneWithAndWithoutJavaScript() {
    LecternUser organiser = fixtures.organiser("phone-menu");
    Programme p =
        fixtures.programme(
            organiser,
            "phone-menu",
            new LocalizedText(Map.of("ru", "Суд и права человека", "kk", "Сот және құқық")),
            List.of("ru", "kk"),
            null,
            40);
    Instant start = Instant.now().plus(Duration.ofDays(1));
    fixtures.hybridSession(organiser, p.id(), "ru", "Право на защиту", start, 30);

    for (boolean javascript : new boolean[] {false, true}) {
      try (BrowserContext context = phone("Asia/Almaty", javascript)) {
        Page page = context.newPage();
        signIn(page, organiser.email(), "ru");

        page.navigate("/admin/programmes/" + p.id());
        assertThat(page.locator("h1").innerText()).isEqualTo("Суд и права человека");
        assertThat(page.locator("main").innerText())
            .contains("Следующее занятие")
            .contains("Право на защиту")
            .contains("Asia/Almaty")
            .contains("Открыть онлайн-зал")
            .contains("Регистрация у входа");
        Locator menu = page.locator("nav.prognav");
        Locator current = menu.locator("a[aria-current=page]");
        assertThat(current.count()).isEqualTo(1);
        assertThat(menu.locator("summary").innerText()).contains("Обзор");
        if (javascript) {
          assertThat(menu.locator("a").first().isVisible())
              .as("folded on a phone when scripts run")
              .isFalse();
          menu.locator("summary").click();
        }
        assertThat(current.isVisible()).isTrue();
        assertThat(current.innerText()).isEqualTo("Обзор");
        if (javascript) {
          assertAccessible(page);
        }

        menu.locator("a", new Locator.LocatorOptions().setHasText("Регистрации")).click();
        page.waitForURL("**/registrations");
        assertThat(page.locator("nav.prognav a[aria-current=page]").textContent())
            .isEqualTo("Регистрации");
        if (javascript) {
          assertAccessible(page);
        }

        page.navigate("/admin/programmes/" + p.id() + "/settings");
        assertThat(page.locator("nav.prognav a[aria-current=page]").textContent())
            .isEqualTo("Настройки");
        assertThat(page.locator("input[name=version]").count()).isEqualTo(1);
        if (javascript) {
          page.locator("nav.prognav summary").click();
          assertThat(page.locator("nav.prognav a[aria-current=page]").isVisible()).isTrue();
          assertAccessible(page);
        }

        // Partners are named by the organisation's address name, typed: no list of the
        // installation's organisations (ADR 0010). An unknown one is answered as a sent proposal.
        assertThat(page.locator("select[name=organisationId]").count()).isZero();
        Locator partnerForm = page.locator("form[action$='/partners']");
        partnerForm.getByLabel("Имя организации в адресе").fill("no-such-organisation");
        partnerForm.locator("select[name=role]").selectOption("FUNDER");
        partnerForm.locator("button[type=submit]").click();
        page.waitForURL("**/settings*");
        assertThat(page.locator("main").innerText())
            .contains("Предложение отправлено, если организация с таким именем в адресе существует")
            .doesNotContain("Ожидают согласия");
        if (javascript) {
          page.locator("nav.prognav summary").click();
          assertAccessible(page);
        }
      }
    }
  }
}
