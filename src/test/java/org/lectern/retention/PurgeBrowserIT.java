package org.lectern.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The emergency purge pages in Chromium: one administrator asks (first with a wrong name, shown
 * next to the field), another confirms, without JavaScript; then the page, its error state and its
 * Russian and Kazakh versions are checked by axe-core on the pass with scripts.
 */
class PurgeBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;
  @Autowired UserService users;
  @Autowired ProgrammeService programmes;
  @Autowired RegistrationService registrations;
  @Autowired PersonalDataCipher cipher;

  LecternUser first;
  LecternUser second;
  UUID org;
  UUID programme;

  @BeforeAll
  void setUp() {
    first = fixtures.organiser("purge-browser");
    org = fixtures.organisationOf(first);
    users.grantOrganisationRole(org, first.id(), "ADMIN");
    first = users.find(first.id()).orElseThrow();
    UUID id =
        users.create(
            "second-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
            "Second administrator",
            Fixtures.PASSWORD,
            false);
    users.grantOrganisationRole(org, id, "ADMIN");
    second = users.find(id).orElseThrow();
    programme =
        programmes
            .create(
                first,
                org,
                ProgrammeInput.validate(
                    new ProgrammeInput.Raw(
                        "purge-" + UUID.randomUUID().toString().substring(0, 6),
                        new LocalizedText(Map.of("en", "Shredded course", "ru", "Курс")),
                        LocalizedText.empty(),
                        List.of("en", "ru"),
                        "Asia/Almaty",
                        BigDecimal.ONE,
                        100,
                        true,
                        false)))
            .id();
    registrations.register(
        programme,
        RegistrationRequest.minimal("Purged Person", "purged@browser.example", "en"),
        first);
  }

  static void signIn(Page page, LecternUser user) {
    signIn(page, user.email(), null);
  }

  String name() {
    return jdbc.sql("select full_name from registration where programme_id = :p")
        .param("p", programme)
        .query((rs, i) -> cipher.decrypt(rs.getBytes(1), "registration.fullName"))
        .single();
  }

  @Test
  void oneAdministratorAsksAnotherConfirmsAndThePagesAreAccessible() {
    String url = "/admin/organisations/" + org + "/purge";
    try (BrowserContext context = desktop("Asia/Almaty", false)) {
      Page page = context.newPage();
      signIn(page, first);
      page.navigate(url + "?lang=en");
      page.selectOption("#scope", programme.toString());
      page.fill("#name", "Another course");
      page.locator("main form[action$='/purge'] button[type=submit]").click();
      assertThat(page.locator("#name-error").textContent()).contains("does not match");
      assertThat(page.locator("#name").getAttribute("aria-describedby")).contains("name-error");
      assertThat(name()).isEqualTo("Purged Person");
      page.selectOption("#scope", programme.toString());
      page.fill("#name", "shredded COURSE");
      page.locator("main form[action$='/purge'] button[type=submit]").click();
      assertThat(page.content()).contains("waiting for another administrator");
      assertThat(page.locator("form[action$='/confirm']").count()).isZero();
      assertThat(name()).isEqualTo("Purged Person");
    }
    try (BrowserContext context = desktop("Asia/Almaty", false)) {
      Page page = context.newPage();
      signIn(page, second);
      page.navigate(url + "?lang=en");
      page.locator("form[action$='/confirm'] button").click();
      assertThat(page.content()).contains("the keys were destroyed");
      assertThat(page.locator("[data-status]").first().textContent()).contains("Carried out");
      assertThat(name()).isEqualTo(PersonalDataCipher.SHREDDED);
    }
    try (BrowserContext context = desktop("Asia/Almaty", true)) {
      Page page = context.newPage();
      signIn(page, first);
      page.navigate(url + "?lang=en");
      assertAccessible(page);
      page.fill("#name", "x");
      page.locator("main form[action$='/purge'] button[type=submit]").click();
      assertThat(page.locator("#name-error").count()).isEqualTo(1);
      assertAccessible(page);
      page.navigate(url + "?lang=ru");
      assertThat(page.content()).contains("Экстренное уничтожение данных");
      assertAccessible(page);
      page.navigate(url + "?lang=kk");
      assertThat(page.content()).contains("Деректерді шұғыл жою");
      assertAccessible(page);
    }
  }
}
