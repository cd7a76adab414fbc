package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registrations and certificates lists on a phone, in Kazakh: their wide tables scroll inside
 * their own frame (reachable by keyboard), the page itself does not scroll sideways — before, the
 * region, time and action columns were off the screen of a 360-pixel phone.
 */
class RegistrationListBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;
  @Autowired RegistrationService registrations;

  @Test
  void theRegistrationAndCertificateTablesFitAPhone() {
    LecternUser organiser = fixtures.organiser("list-phone");
    Programme p =
        fixtures.programme(
            organiser,
            "list-phone",
            new LocalizedText(Map.of("kk", "Адам құқықтары", "ru", "Права человека")),
            List.of("kk", "ru"),
            null,
            1);
    for (String who : List.of("Ерлан Қасымов", "Дана Ахметова")) {
      registrations.register(
          p.id(),
          RegistrationRequest.minimal(who, UUID.randomUUID() + "@long-domain.example.kz", "kk"),
          organiser);
    }
    try (BrowserContext context = phone("Asia/Almaty", true)) {
      Page page = context.newPage();
      signIn(page, organiser.email(), "kk");
      for (String path : List.of("/registrations", "/certificates")) {
        page.navigate("/admin/programmes/" + p.id() + path);
        assertThat(page.locator("main").innerText()).contains("Ерлан Қасымов");
        assertThat(
                (Boolean)
                    page.evaluate(
                        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"))
            .as("no horizontal scrolling of the page on a phone: %s", path)
            .isTrue();
        assertThat(page.locator("main .table-wrap table").count()).as(path).isPositive();
        assertAccessible(page);
      }
    }
  }
}
