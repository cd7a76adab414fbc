package org.lectern.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The retention and erasure pages in Chromium (they use no script), each checked by axe-core: an
 * organiser sets a period (and sees the error next to the field), reads the schedule and erases a
 * person; a delegate reads their data, asks for erasure and confirms it from the mailed link.
 */
class PrivacyBrowserIT extends BrowserTest {

  static final String EMAIL = "browser.erase@privacy.example";

  @Autowired Fixtures fixtures;
  @Autowired RegistrationService registrations;
  @Autowired PersonalDataCipher cipher;

  LecternUser organiser;
  UUID programme;
  UUID delegate;
  UUID other;

  @BeforeAll
  void setUp() {
    organiser = fixtures.organiser("privacy-browser");
    programme =
        fixtures
            .programme(
                organiser,
                "privacy",
                new LocalizedText(Map.of("en", "Privacy training", "ru", "Курс")),
                List.of("en", "ru"),
                BigDecimal.ONE,
                100)
            .id();
    delegate = register("Browser Delegate", EMAIL);
    other = register("Second Person", "second@privacy.example");
  }

  UUID register(String name, String email) {
    return registrations
        .register(programme, RegistrationRequest.minimal(name, email, "en"), organiser)
        .registration()
        .id();
  }

  String link(String kind, String path) {
    // A delegate's sign-in link is issued after the answer (DelegateAccess.issue, from an event's
    // listener): wait for its mail instead of reading the outbox at once.
    String text =
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(30))
            .until(() -> mail(kind), java.util.Optional::isPresent)
            .orElseThrow();
    Matcher m =
        Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "[^\\s)\"<>]+)").matcher(text);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private java.util.Optional<String> mail(String kind) {
    return jdbc
        .sql(
            "select recipient, body_text from mail_outbox where kind = :k"
                + " order by created_at desc")
        .param("k", kind)
        .query(
            (rs, i) ->
                EMAIL.equals(cipher.decrypt(rs.getBytes(1), "mail.to"))
                    ? cipher.decrypt(rs.getBytes(2), "mail.text")
                    : null)
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  @Test
  void anOrganiserSetsAPeriodReadsTheScheduleAndErasesAPerson() {
    try (BrowserContext context = desktop("Asia/Almaty", true)) {
      Page page = context.newPage();
      signIn(page, organiser.email(), null);

      page.navigate("/admin/programmes/" + programme + "/retention");
      assertThat(page.locator("#due").textContent()).contains("no sessions");
      assertAccessible(page);
      page.fill("#months", "500");
      page.locator("main form button[type=submit]").click();
      assertThat(page.locator("#months-error").textContent()).contains("between 1 and 120");
      assertThat(page.locator("#months").getAttribute("aria-describedby")).contains("months-error");
      assertAccessible(page);
      page.fill("#months", "18");
      page.locator("main form button[type=submit]").click();
      assertThat(page.content()).contains("Retention period saved.");
      assertAccessible(page);

      page.navigate("/admin/retention");
      assertThat(page.locator("tr[data-programme='" + programme + "']").count()).isEqualTo(1);
      assertAccessible(page);

      page.navigate("/admin/organisations/" + fixtures.organisationOf(organiser) + "/retention");
      assertAccessible(page);

      page.navigate("/admin/programmes/" + programme + "/registrations");
      page.locator("a[href='/admin/registrations/" + other + "/erase']").click();
      assertAccessible(page);
      page.locator("main form button[type=submit]").click();
      assertThat(page.locator("#erased").textContent()).contains("1 registration");
      assertAccessible(page);
    }
  }

  @Test
  void aDelegateReadsTheirDataAndErasesIt() {
    try (BrowserContext context = phone("Asia/Almaty", true)) {
      Page page = context.newPage();
      page.navigate("/my/sign-in?lang=en");
      page.fill("#email", EMAIL);
      page.locator("main form button[type=submit]").click();
      page.navigate(link("delegate.signIn", "/my/sign-in/token?"));
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/my");

      page.navigate("/my/data");
      assertThat(page.content()).contains("Browser Delegate", "Registrations");
      assertAccessible(page);

      page.navigate("/my");
      page.locator("form[action='/my/erasure'] button").click();
      assertThat(page.content()).contains("Follow it within 24 hours");
      assertAccessible(page);

      page.navigate(link("delegate.erasureConfirm", "/my/erasure/confirm?"));
      assertAccessible(page);
      page.locator("main form button[type=submit]").click();
      assertThat(page.locator("#erased").textContent()).contains("Your data has been erased");
      assertAccessible(page);
    }
  }
}
