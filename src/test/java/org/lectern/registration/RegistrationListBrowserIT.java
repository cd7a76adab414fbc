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
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
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
  @Autowired ProgrammeService programmes;
  @Autowired RegistrationService registrations;

  @Test
  void theRegistrationAndCertificateTablesFitAPhone() {
    LecternUser organiser = fixtures.organiser("list-phone");
    Programme p =
        programmes.create(
            organiser,
            null,
            ProgrammeInput.validate(
                new ProgrammeInput.Raw(
                    "list-phone-" + UUID.randomUUID().toString().substring(0, 6),
                    new LocalizedText(Map.of("kk", "Адам құқықтары", "ru", "Права человека")),
                    LocalizedText.empty(),
                    List.of("kk", "ru"),
                    "Asia/Almaty",
                    null,
                    1,
                    true,
                    false)));
    for (String who : List.of("Ерлан Қасымов", "Дана Ахметова")) {
      registrations.register(
          p.id(),
          RegistrationRequest.minimal(who, UUID.randomUUID() + "@long-domain.example.kz", "kk"),
          organiser);
    }
    try (BrowserContext context = phone("Asia/Almaty", true)) {
      Page page = context.newPage();
      page.navigate("/login?lang=kk");
      page.fill("#email", organiser.email());
      page.fill("#password", Fixtures.PASSWORD);
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/admin");
      for (String path : List.of("/registrations", "/certificates")) {
        page.navigate("/admin/programmes/" + p.id() + path);
        assertThat(page.locator("main").innerText()).contains("Ерлан Қасымов");
        assertThat(
                (Boolean)
                    page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))
            .as("no horizontal scrolling of the page on a phone: %s", path)
            .isTrue();
        assertThat(page.locator("main .table-wrap table").count()).as(path).isPositive();
        assertAccessible(page);
      }
    }
  }
}
