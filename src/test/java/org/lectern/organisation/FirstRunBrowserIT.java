package org.lectern.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.UserService;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.lectern.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The first sign-in on a new installation, in Kazakh on a phone without JavaScript: the platform
 * administrator is taken to "set up your organisation", fills it in (a PNG logo too), then creates
 * a programme and publishes it, and its registration form is open.
 */
class FirstRunBrowserIT extends BrowserTest {

  @Autowired UserService users;

  @BeforeAll
  void freshInstallation() {
    TestData.clean(jdbc);
    users.create("first@example.org", "First Admin", Fixtures.PASSWORD, true);
  }

  Page signIn(BrowserContext context) {
    Page page = context.newPage();
    page.navigate("/login?lang=kk");
    page.fill("#email", "first@example.org");
    page.fill("#password", Fixtures.PASSWORD);
    page.locator("main form button[type=submit]").click();
    page.waitForURL("**/admin/organisations/new");
    assertThat(page.locator("h1").innerText()).isEqualTo("Ұйымыңызды баптаңыз");
    return page;
  }

  void submit(Page page) {
    page.locator("main form.stack button[type=submit]").click();
    page.waitForLoadState();
  }

  void refuseARenamedPdfAndNoName(Page page) {
    page.setInputFiles(
        "#logo",
        new FilePayload(
            "logo.png", "image/png", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
    submit(page);
    assertThat(page.locator("#logo-error").innerText()).contains("PNG немесе SVG");
    assertThat(page.locator("#name-error").count()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from organisation").query(Integer.class).single())
        .isZero();
  }

  @Test
  void fromFirstSignInToAPublishedProgrammeOnAPhoneInKazakhWithoutJavaScript() {
    // axe-core runs in the page, so the set-up page (empty and with errors) is checked with
    // JavaScript; the set-up itself is then done without it.
    try (BrowserContext context = phone("Asia/Almaty", true)) {
      Page page = signIn(context);
      assertAccessible(page);
      refuseARenamedPdfAndNoName(page);
      assertAccessible(page);
    }

    try (BrowserContext context = phone("Asia/Almaty", false)) {
      Page page = signIn(context);
      refuseARenamedPdfAndNoName(page);

      page.fill("#name-kk", "Алматы адвокаттар комитеті");
      page.fill("#name-ru", "Комитет адвокатов Алматы");
      page.fill("#shortName", "ААК");
      page.fill("#website", "https://bar.example.kz");
      page.setInputFiles(
          "#logo", new FilePayload("logo.png", "image/png", OrganisationRulesIT.png(120, 60)));
      page.fill("#certificateSigner", "Алматы адвокаттар комитеті");
      page.fill("#mailSenderName", "ААК оқу орталығы");
      page.locator("main form.stack button[type=submit]").click();
      page.waitForURL("**/admin/organisations/*/settings");
      assertThat(page.locator("[role=status]").innerText()).contains("Ұйым құрылды");
      assertThat(page.locator("img.org-logo").count()).isEqualTo(1);
      assertThat(page.locator("input[name=mainCentres][value=KZ-71]").isChecked()).isTrue();
      assertThat(page.locator("input[name=mainCentres][value=KZ-75]").isChecked()).isTrue();
      String settings = page.url();

      page.navigate("/admin/programmes/new");
      page.fill("#slug", "first-programme");
      page.fill("#title-ru", "Права человека на практике");
      page.locator("main form.stack button[type=submit]").click();
      page.waitForURL("**/admin/programmes/*");
      page.locator("form[action$='/publish'] button").click();
      page.waitForLoadState();
      assertThat(page.locator("[role=status]").count()).isPositive();

      var register = page.navigate("/programmes/first-programme/register?lang=kk");
      assertThat(register.status()).isEqualTo(200);
      assertThat(
              jdbc.sql("select status from programme where slug = 'first-programme'")
                  .query(String.class)
                  .single())
          .isEqualTo("PUBLISHED");

      // The settings page, as saved, passes axe-core too (checked with JavaScript on).
      try (BrowserContext checked = phone("Asia/Almaty", true)) {
        Page again = checked.newPage();
        again.navigate("/login?lang=kk");
        again.fill("#email", "first@example.org");
        again.fill("#password", Fixtures.PASSWORD);
        again.locator("main form button[type=submit]").click();
        again.waitForURL("**/admin");
        again.navigate(settings);
        assertThat(again.locator("#name-kk").inputValue()).isEqualTo("Алматы адвокаттар комитеті");
        assertAccessible(again);
        again.navigate(settings.replace("/settings", "/members"));
        assertThat(again.locator("tbody tr").count()).isEqualTo(1);
        assertAccessible(again);
      }
    }
  }
}
