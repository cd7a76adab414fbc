package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;
import org.lectern.shared.web.FormErrors;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real Chromium with its virtual authenticator (CTAP2, built in, verifying its holder): an
 * organiser whose organisation requires a second factor adds a passkey at sign-in, then signs in
 * with the passkey alone, then uses it as the second step after the password, and removes it.
 * Without JavaScript the passkey button says that it needs it. axe-core on every page, on the pass
 * with scripts.
 */
class PasskeyBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;

  /** Browsers take passkeys on a domain, not on 127.0.0.1. */
  private BrowserContext onLocalhost(boolean javascript) {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setBaseURL("http://localhost:" + port)
            .setTimezoneId("Asia/Almaty")
            .setJavaScriptEnabled(javascript)
            .setViewportSize(1280, 900));
  }

  @Test
  void addAPasskeyThenSignInWithIt() {
    LecternUser u = fixtures.organiser("passkey-browser");
    jdbc.sql(
            "insert into second_factor_policy (organisation_id, policy, changed_at)"
                + " values (:o, 'PERSONAL_DATA', now())")
        .param("o", fixtures.organisationOf(u))
        .update();
    try (BrowserContext context = onLocalhost(true)) {
      context.setDefaultTimeout(30_000);
      Page page = context.newPage();
      withAuthenticator(context, page);

      // The organisation requires a second factor: the sign-in stops at setting one up.
      signInWithPassword(page, u);
      page.waitForURL("**" + SignInSuccess.ENROL);
      assertAccessible(page);
      page.fill("#name", "Work laptop");
      page.click("#passkey");
      page.waitForSelector(".recovery-codes");
      assertThat(page.locator("[role=status].alert").first().textContent())
          .contains("The passkey was added");
      assertThat(page.locator(".recovery-codes code").count()).isEqualTo(10);
      assertThat(page.locator("table").textContent()).contains("Work laptop");
      assertAccessible(page);
      page.click("text=Continue to the back office");
      page.waitForURL("**/admin");
      assertThat(
              jdbc.sql(
                      "select count(*) from user_credentials c join passkey_user p"
                          + " on p.entity_id = c.user_entity_user_id where p.user_id = :u")
                  .param("u", u.id())
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);

      // Signed out, the passkey alone signs in (it verified its holder: two factors in one).
      signOut(page);
      page.navigate("/login");
      assertAccessible(page);
      page.click("#passkey");
      page.waitForURL("**/admin");
      page.navigate("/admin/account/second-factor");
      assertThat(page.locator("tbody tr td").nth(2).textContent()).isNotEqualTo("—");

      // With the password, the passkey is the second step.
      signOut(page);
      signInWithPassword(page, u);
      page.waitForURL("**" + SignInSuccess.SECOND_STEP);
      assertAccessible(page);
      page.click("#passkey");
      page.waitForURL("**/admin");

      // Just confirmed, so it may be removed at once; the organisation's rule then asks for a
      // new factor before anything else.
      page.navigate("/admin/account/second-factor");
      page.click("button[aria-label='Remove the passkey \"Work laptop\"']");
      page.waitForURL("**/admin/account/second-factor?done=passkeyRemoved");
      assertThat(page.locator("[role=alert]").first().textContent())
          .contains("A second factor is required for your account");
      page.navigate("/admin");
      page.waitForURL("**" + SignInSuccess.ENROL);
    }
  }

  /** A phone-sized screen (360 × 740, touch) on localhost, JavaScript on. */
  private BrowserContext phoneOnLocalhost() {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setBaseURL("http://localhost:" + port)
            .setTimezoneId("Asia/Almaty")
            .setViewportSize(360, 740)
            .setIsMobile(true)
            .setHasTouch(true));
  }

  /**
   * On a phone in Russian: an organiser adds a passkey from their account page and signs in with
   * it. A second account, signing in on the same phone, cannot pass its second step with the first
   * account's passkey (the options are tampered with so that the phone offers it). Once removed,
   * the passkey still in the phone signs nobody in. axe-core on every page.
   */
  @Test
  void anotherAccountCannotUseAPasskeyAndARemovedOneSignsNobodyIn() {
    LecternUser anna = fixtures.organiser("passkey-phone-anna");
    LecternUser boris = fixtures.organiser("passkey-phone-boris");
    try (BrowserContext borisPhone = phoneOnLocalhost()) {
      // Boris has a passkey of his own, on his own phone: his second step offers passkeys.
      borisPhone.setDefaultTimeout(30_000);
      Page page = borisPhone.newPage();
      withAuthenticator(borisPhone, page);
      page.navigate("/login?lang=ru");
      signInWithPassword(page, boris);
      page.waitForURL("**/admin");
      addPasskey(page, "Телефон Бориса");
    }
    try (BrowserContext phone = phoneOnLocalhost()) {
      phone.setDefaultTimeout(30_000);
      Page page = phone.newPage();
      withAuthenticator(phone, page);
      page.navigate("/login?lang=ru");
      signInWithPassword(page, anna);
      page.waitForURL("**/admin");
      addPasskey(page, "Телефон Анны");
      signOut(page);
      page.navigate("/login");
      page.click("#passkey");
      page.waitForURL("**/admin");
      page.navigate(SignInSuccess.ENROL);
      assertThat(page.locator("table").textContent()).contains("Телефон Анны");
      signOut(page);

      // Boris on Anna's phone: his password, then Anna's passkey (the phone is told that any of
      // the site's passkeys will do) — refused, and he is not signed in.
      signInWithPassword(page, boris);
      page.waitForURL("**" + SignInSuccess.SECOND_STEP);
      page.route(
          "**" + PasskeySignInController.SECOND_STEP + PasskeySignInController.OPTIONS,
          route -> {
            APIResponse real = route.fetch();
            JsonObject o = JsonParser.parseString(real.text()).getAsJsonObject();
            o.remove("allowCredentials");
            route.fulfill(new Route.FulfillOptions().setResponse(real).setBody(o.toString()));
          });
      page.click("#passkey");
      page.waitForURL("**" + PasskeySignInController.SECOND_STEP);
      assertThat(page.locator("#" + FormErrors.errorId("passkey")).textContent())
          .contains("Не удалось проверить этот ключ доступа");
      assertAccessible(page);
      page.unrouteAll();
      page.navigate("/admin");
      page.waitForURL("**" + SignInSuccess.SECOND_STEP);
      page.locator("form[action='/logout'] button").first().click();
      page.waitForURL("**/");

      // Anna removes her passkey; the phone still holds it, but it signs nobody in.
      page.navigate("/login");
      page.click("#passkey");
      page.waitForURL("**/admin");
      page.navigate(SignInSuccess.ENROL);
      page.click("button[aria-label='Удалить ключ доступа «Телефон Анны»']");
      page.waitForURL("**" + SignInSuccess.ENROL + "?done=passkeyRemoved");
      assertThat(page.locator("main").textContent()).doesNotContain("Телефон Анны");
      signOut(page);
      page.navigate("/login");
      page.click("#passkey");
      page.waitForURL("**" + PasskeySignInController.SIGN_IN);
      assertThat(page.locator("#" + FormErrors.errorId("passkey")).textContent())
          .contains("С этим ключом доступа не удалось войти ни в одну учётную запись");
      assertAccessible(page);
    }
  }

  /** Chromium's virtual authenticator (CTAP2, discoverable keys, verifies its holder). */
  private static void withAuthenticator(BrowserContext context, Page page) {
    var cdp = context.newCDPSession(page);
    cdp.send("WebAuthn.enable");
    JsonObject options = new JsonObject();
    options.addProperty("protocol", "ctap2");
    options.addProperty("transport", "internal");
    options.addProperty("hasResidentKey", true);
    options.addProperty("hasUserVerification", true);
    options.addProperty("isUserVerified", true);
    options.addProperty("automaticPresenceSimulation", true);
    JsonObject args = new JsonObject();
    args.add("options", options);
    cdp.send("WebAuthn.addVirtualAuthenticator", args);
  }

  /** Adds a passkey on the account page (the person's first factor: recovery codes shown). */
  private static void addPasskey(Page page, String name) {
    page.navigate(SignInSuccess.ENROL);
    assertAccessible(page);
    page.fill("#name", name);
    page.click("#passkey");
    page.waitForSelector(".recovery-codes");
    assertThat(page.locator("[role=status].alert").first().textContent())
        .contains("Ключ доступа добавлен");
    assertThat(page.locator("table").textContent()).contains(name);
    // On a phone the list of passkeys scrolls in its own box, not the page sideways.
    assertThat(
            page.evaluate(
                "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"))
        .as("the page scrolls sideways")
        .isEqualTo(true);
    assertAccessible(page);
  }

  @Test
  void withoutJavaScriptThePasskeyButtonSaysItNeedsIt() {
    try (BrowserContext context = onLocalhost(false)) {
      Page page = context.newPage();
      page.navigate("/login");
      assertThat(page.locator("#passkey-hint").textContent()).contains("JavaScript");
      page.click("#passkey");
      assertThat(page.locator("#passkey-error").textContent()).contains("needs JavaScript");
      assertThat(page.url()).endsWith("/login/passkey");
    }
  }

  private static void signInWithPassword(Page page, LecternUser u) {
    page.navigate("/login");
    page.fill("#email", u.email());
    page.fill("#password", Fixtures.PASSWORD);
    page.click("form[action='/login'] button[type=submit]");
  }

  private static void signOut(Page page) {
    page.click("header form[action='/logout'] button");
    page.waitForURL("**/");
  }
}
