package org.lectern.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of browser tests: a real Chromium (the system one, or LECTERN_CHROMIUM) driven by
 * Playwright, never downloaded. axe-core checks accessibility of what the browser shows.
 */
public abstract class BrowserTest extends IntegrationTest {

  protected Playwright playwright;
  protected Browser browser;

  @BeforeAll
  void startBrowser() {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    String path = System.getenv().getOrDefault("LECTERN_CHROMIUM", "/usr/bin/chromium");
    assertThat(Files.isExecutable(Path.of(path)))
        .as("Chromium at %s (install Debian's chromium or set LECTERN_CHROMIUM)", path)
        .isTrue();
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(path))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-quic",
                            "--no-first-run")));
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  protected BrowserContext desktop(String zone, boolean javascript) {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setBaseURL(baseUrl())
            .setTimezoneId(zone)
            .setJavaScriptEnabled(javascript)
            .setAcceptDownloads(true)
            .setViewportSize(1280, 900));
  }

  /** A phone-sized screen (360 × 740), touch, the kind of device most delegates use. */
  protected BrowserContext phone(String zone, boolean javascript) {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setBaseURL(baseUrl())
            .setTimezoneId(zone)
            .setJavaScriptEnabled(javascript)
            .setAcceptDownloads(true)
            .setViewportSize(360, 740)
            .setIsMobile(true)
            .setHasTouch(true));
  }

  /**
   * Signs in on the sign-in page (in this language, or the browser's when null) and waits for the
   * back office.
   */
  protected static void signIn(Page page, String email, String lang) {
    page.navigate(lang == null ? "/login" : "/login?lang=" + lang);
    page.fill("#email", email);
    page.fill("#password", Fixtures.PASSWORD);
    page.locator("main form button[type=submit]").click();
    page.waitForURL("**/admin");
  }

  /** Fails with the rules and elements when axe-core finds any accessibility violation. */
  protected static void assertAccessible(Page page) {
    AxeResults results =
        new AxeBuilder(page)
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
            .analyze();
    assertThat(results.getViolations())
        .as(
            "axe-core violations on %s: %s",
            page.url(),
            results.getViolations().stream()
                .map(
                    v ->
                        v.getId()
                            + " "
                            + v.getNodes().stream().map(n -> n.getTarget().toString()).toList())
                .toList())
        .isEmpty();
  }
}
