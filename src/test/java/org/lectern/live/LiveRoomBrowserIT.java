package org.lectern.live;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * A hybrid session in three browsers: a delegate on a phone, the moderator at a desk and the
 * projector in the room. The delegate asks, the moderator approves, everybody sees it live; a
 * poll's results follow live everywhere; someone in the room joins with the projector's QR code.
 */
class LiveRoomBrowserIT extends BrowserTest {

  @Autowired LiveFixtures fx;
  @Autowired OneTimeTokenService oneTimeTokens;

  static final Locator.WaitForOptions SOON = new Locator.WaitForOptions().setTimeout(15_000);

  void signInOrganiser(Page page, LiveFixtures.Room room) {
    page.navigate("/login");
    page.fill("#email", room.organiser().email());
    page.fill("#password", Fixtures.PASSWORD);
    page.locator("main form button[type=submit]").click();
    page.waitForURL("**/admin**");
  }

  void live(Page page) {
    page.locator("#live[data-live-connected=true]").waitFor(SOON);
    // A handful of open pages: re-reads after an event are spread over the minimum, 0.6 s.
    assertThat(page.locator("#live").getAttribute("data-live-spread")).isEqualTo("600");
  }

  @Test
  void askApproveVoteAndWatchItLiveOnPhoneConsoleAndProjector() throws Exception {
    var room = fx.running();
    var delegate = fx.delegate(room, "Aigerim Nurlanovna");
    String base = "/sessions/" + room.sessionId() + "/live";

    try (BrowserContext desk = desktop("Asia/Almaty", true);
        BrowserContext projectorCtx = desktop("Asia/Almaty", true);
        BrowserContext phoneCtx = phone("Asia/Almaty", true);
        BrowserContext roomPhoneCtx = phone("Asia/Almaty", false)) {
      Page console = desk.newPage();
      signInOrganiser(console, room);
      console.navigate(base + "/moderate");
      console.check("#premoderation");
      console.locator("#settings button[type=submit]").click();
      console.waitForURL("**/moderate**");
      assertThat(console.locator("#premoderation")).isChecked();
      live(console);
      assertAccessible(console);

      Page projector = projectorCtx.newPage();
      signInOrganiser(projector, room);
      projector.navigate(base + "/projector");
      Locator qr = projector.locator("svg.qr");
      assertThat(qr).isVisible();
      var image = ImageIO.read(new ByteArrayInputStream(qr.screenshot()));
      String joinUrl =
          new MultiFormatReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
              .getText();
      assertThat(joinUrl).contains(base + "/join?k=");
      live(projector);

      // The delegate signs in with a one-time link, enters the room and asks.
      Page phone = phoneCtx.newPage();
      var token =
          oneTimeTokens.generate(new GenerateOneTimeTokenRequest(fx.emailIndex(delegate.email())));
      phone.navigate("/my/sign-in/token?token=" + token.getTokenValue());
      phone.locator("main form button[type=submit]").click();
      phone.waitForURL("**/my**");
      phone.navigate(base);
      phone.fill("#displayName", "Aigerim");
      phone.locator("main form button[type=submit]").click();
      phone.waitForURL("**" + base);
      live(phone);
      assertAccessible(phone);
      phone.fill("#text", "Does Article 9 apply to administrative detention?");
      phone.locator("#ask button[type=submit]").click();
      phone.waitForURL("**" + base + "?asked");
      live(phone);

      // Someone in the room, without JavaScript, joins through the code and stays anonymous.
      Page roomPhone = roomPhoneCtx.newPage();
      roomPhone.navigate(joinUrl.substring(joinUrl.indexOf("/sessions/")));
      roomPhone.locator("main form button[type=submit]").click();
      assertThat(roomPhone.locator("#live")).isVisible();
      assertThat(roomPhone.locator("main")).not().containsText("Does Article 9");

      // The console sees the pending question arrive live and approves it.
      Locator pending =
          console.locator(".question", new Page.LocatorOptions().setHasText("Does Article 9"));
      pending.waitFor(SOON);
      pending.locator("button[data-action=approve]").click();
      console.waitForURL("**/moderate**");
      live(console);

      // Everybody sees it without reloading.
      phone
          .locator(
              "#live-questions .question", new Page.LocatorOptions().setHasText("Does Article 9"))
          .waitFor(SOON);
      projector
          .locator("#live-projector", new Page.LocatorOptions().setHasText("Does Article 9"))
          .waitFor(SOON);
      roomPhone.reload();
      assertThat(roomPhone.locator("#live-questions")).containsText("Does Article 9");
      assertThat(roomPhone.locator("#live-questions")).containsText("Aigerim");

      // A poll: prepared and opened in the console, voted from the room (no JS) and the phone.
      console.fill("#question", "Have you cited the ICCPR in a domestic court?");
      console.fill("#options", "Yes\nNo\nNot yet, but I will");
      console.locator("#new-poll button[type=submit]").click();
      console.waitForURL("**/moderate**");
      console.locator("#polls button[data-action=open]").click();
      console.waitForURL("**/moderate**");
      live(console);
      phone.locator("#live-polls form", new Page.LocatorOptions()).waitFor(SOON);
      assertThat(projector.locator("#live-projector"))
          .containsText(
              "Have you cited the ICCPR",
              new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                  .setTimeout(15_000));

      roomPhone.reload();
      roomPhone.locator("#live-polls label", new Page.LocatorOptions().setHasText("Yes")).click();
      roomPhone.locator("#live-polls button[type=submit]").click();
      assertThat(console.locator("#live-console-polls"))
          .containsText(
              "1 (100 %)",
              new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                  .setTimeout(15_000));
      assertThat(projector.locator("#live-projector"))
          .containsText(
              "1 (100 %)",
              new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                  .setTimeout(15_000));
      assertThat(phone.locator("#live-polls"))
          .containsText(
              "1 (100 %)",
              new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                  .setTimeout(15_000));

      phone
          .locator("#live-polls label", new Page.LocatorOptions().setHasText("No"))
          .first()
          .click();
      phone.locator("#live-polls button[type=submit]").click();
      phone.waitForURL("**" + base + "**");
      assertThat(console.locator("#live-console-polls"))
          .containsText(
              "1 (50 %)",
              new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                  .setTimeout(15_000));
      assertThat(projector.locator("#live-projector"))
          .containsText(
              "1 (50 %)",
              new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                  .setTimeout(15_000));
      assertAccessible(phone);
      assertAccessible(console);
      assertAccessible(projector);
    }
  }

  /** A delegate signs in with a one-time link (in {@code lang}) and enters the room by a name. */
  private Page enter(
      BrowserContext context, LiveFixtures.Delegate d, String lang, String name, String base) {
    Page page = context.newPage();
    var token = oneTimeTokens.generate(new GenerateOneTimeTokenRequest(fx.emailIndex(d.email())));
    page.navigate("/my/sign-in/token?token=" + token.getTokenValue() + "&lang=" + lang);
    page.locator("main form button[type=submit]").click();
    page.waitForURL("**/my**");
    page.navigate(base);
    page.fill("#displayName", name);
    page.locator("main form button[type=submit]").click();
    page.waitForURL("**" + base);
    return page;
  }

  /**
   * Two delegates on phones, one in Kazakh with JavaScript and one in Russian without it, and the
   * organiser's console in Russian: a question asked on one phone appears on the other phone and in
   * the console without a reload; a vote from the phone without JavaScript is counted live
   * everywhere; a question the organiser hides leaves the phone with JavaScript live, and the
   * other's on its next reload. axe-core on the pages with scripts.
   */
  @Test
  void questionsVotesAndHidingFollowLiveAcrossLanguagesWithAndWithoutJavaScript() {
    var room = fx.running();
    var aigerim = fx.delegate(room, "Aigerim Kairatovna");
    var oleg = fx.delegate(room, "Oleg Petrov");
    String base = "/sessions/" + room.sessionId() + "/live";
    var soon =
        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
            .setTimeout(15_000);

    try (BrowserContext desk = desktop("Asia/Almaty", true);
        BrowserContext kkPhone = phone("Asia/Almaty", true);
        BrowserContext ruPhone = phone("Asia/Almaty", false)) {
      Page console = desk.newPage();
      console.navigate("/login?lang=ru");
      signInOrganiser(console, room);
      console.navigate(base + "/moderate");
      live(console);

      Page kk = enter(kkPhone, aigerim, "kk", "Айгерім", base);
      live(kk);
      Page ru = enter(ruPhone, oleg, "ru", "Олег", base);
      assertThat(ru.locator("h1")).isVisible();

      // Asked in Kazakh on the phone with JavaScript: the console has it without a reload.
      kk.fill("#text", "Әкімшілік қамауға 9-бап қолданыла ма?");
      kk.locator("#ask button[type=submit]").click();
      kk.waitForURL("**" + base + "?asked");
      live(kk);
      Locator atConsole =
          console.locator(".question", new Page.LocatorOptions().setHasText("9-бап"));
      atConsole.waitFor(SOON);
      assertThat(atConsole).containsText("Айгерім");
      assertThat(atConsole).containsText("Голосов: 0");

      // Voted for on the phone without JavaScript (a plain form and a reload): counted live on the
      // other phone, in Kazakh, and in the console.
      ru.reload();
      Locator atRu =
          ru.locator("#live-questions .question", new Page.LocatorOptions().setHasText("9-бап"));
      assertThat(atRu).containsText("Айгерім");
      atRu.locator("button", new Locator.LocatorOptions().setHasText("Поддержать вопрос")).click();
      ru.waitForURL("**" + base + "**");
      assertThat(
              ru.locator(
                  "#live-questions .question", new Page.LocatorOptions().setHasText("9-бап")))
          .containsText("Голосов: 1");
      assertThat(ru.locator("#live-questions .question button[aria-pressed=true]"))
          .hasText("Отозвать голос");
      assertThat(kk.locator("#live-questions .question")).containsText("Дауыс: 1", soon);
      assertThat(atConsole).containsText("Голосов: 1", soon);
      assertAccessible(kk);
      assertAccessible(console);

      // Hidden by the organiser: gone from the phone with JavaScript without a reload.
      atConsole.locator("button[data-action=hide]").click();
      console.waitForURL("**/moderate**");
      assertThat(kk.locator("#live-questions")).not().containsText("9-бап", soon);
      ru.reload();
      assertThat(ru.locator("#live-questions")).not().containsText("9-бап");
      assertAccessible(kk);

      // Asked on the phone without JavaScript (a plain form): the other phone and the console
      // have it without a reload.
      ru.fill("#text", "Применяется ли статья 14 к дисциплинарным делам?");
      ru.locator("#ask button[type=submit]").click();
      ru.waitForURL("**" + base + "?asked");
      assertThat(ru.locator("#live-questions")).containsText("статья 14");
      assertThat(kk.locator("#live-questions")).containsText("статья 14", soon);
      assertThat(console.locator(".question", new Page.LocatorOptions().setHasText("статья 14")))
          .containsText("Олег", soon);
    }
  }
}
