package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real browser without JavaScript: an organiser whose organisation requires a second factor sets
 * up an authenticator app at sign-in, keeps the recovery codes, and signs in later with a recovery
 * code and with a code from the app. The same pages then pass axe-core in a browser with scripts
 * (axe needs them).
 */
class SecondFactorBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;

  @Test
  void setUpAtSignInThenSignInWithTheSecondStep() {
    LecternUser u = fixtures.organiser("factor-browser");
    jdbc.sql(
            "insert into second_factor_policy (organisation_id, policy, changed_at)"
                + " values (:o, 'PERSONAL_DATA', now())")
        .param("o", fixtures.organisationOf(u))
        .update();
    List<String> codes;
    byte[] secret;
    try (BrowserContext context = desktop("Asia/Almaty", false)) {
      context.setDefaultTimeout(30_000);
      Page page = context.newPage();
      signIn(page, u);
      page.waitForURL("**" + SignInSuccess.ENROL);
      secret = Base32.decode(page.inputValue("#secret"));
      assertThat(page.inputValue("#uri")).startsWith("otpauth://totp/");
      // Set up on the phone that runs the app, a QR code cannot be scanned: a link opens the app.
      assertThat(page.locator("#open-app").getAttribute("href")).isEqualTo(page.inputValue("#uri"));
      assertThat(page.locator("svg.qr").count()).isEqualTo(1);
      // The passkey form is there but says it needs JavaScript; the app works without.
      assertThat(page.locator("#passkey-hint").textContent()).contains("JavaScript");
      String wrong = "000000".equals(BackOfficeSession.code(secret, 0)) ? "111111" : "000000";
      page.fill("#code", wrong);
      page.click("text=Turn on the second factor");
      assertThat(page.locator("#code-error").textContent()).contains("not correct");
      page.fill("#code", BackOfficeSession.code(secret, 0));
      page.click("text=Turn on the second factor");
      codes = page.locator(".recovery-codes code").allTextContents();
      assertThat(codes).hasSize(10);
      page.click("text=Continue to the back office");
      page.waitForURL("**/admin");
    }
    try (BrowserContext context = desktop("Asia/Almaty", false)) {
      context.setDefaultTimeout(30_000);
      Page page = context.newPage();
      signIn(page, u);
      page.waitForURL("**" + SignInSuccess.SECOND_STEP);
      // No passkey yet: only the code form.
      assertThat(page.locator("#passkey").count()).isZero();
      page.fill("#code", codes.get(0));
      page.click("text=Continue");
      page.waitForURL("**/admin");
    }
    try (BrowserContext context = desktop("Asia/Almaty", true)) {
      context.setDefaultTimeout(30_000);
      Page page = context.newPage();
      signIn(page, u);
      page.waitForURL("**" + SignInSuccess.SECOND_STEP);
      assertAccessible(page);
      page.fill("#code", codes.get(1).toUpperCase(java.util.Locale.ROOT) + "x");
      page.click("text=Continue");
      assertThat(page.locator("#code-error").textContent()).contains("not correct");
      assertAccessible(page);
      page.fill("#code", BackOfficeSession.code(secret, 1));
      page.click("text=Continue");
      page.waitForURL("**/admin");
      page.navigate(SignInSuccess.ENROL);
      assertThat(page.locator("text=Unused recovery codes: 9.").count()).isEqualTo(1);
      assertAccessible(page);
    }
  }

  private static void signIn(Page page, LecternUser u) {
    page.navigate("/login");
    page.fill("#email", u.email());
    page.fill("#password", Fixtures.PASSWORD);
    page.click("form[action='/login'] button[type=submit]");
  }
}
