package org.lectern.live;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A hybrid discussion table in real browsers: three phones with fake microphones (plus one phone
 * without JavaScript) are seated at one table by the moderator; the three browsers' peer
 * connections reach "connected" and each receives audio from both others (getStats), the timer
 * counts down, the shared note reaches everyone (also from the phone without JavaScript), and
 * closing sends all of them back to the main room. Media stays on loopback: the browsers are
 * allowed loopback candidates and an init script drops every other candidate.
 */
class TablesBrowserIT extends BrowserTest {

  @Autowired LiveFixtures fx;

  Browser media;

  static final Locator.WaitForOptions SOON = new Locator.WaitForOptions().setTimeout(20_000);
  static final LocatorAssertions.ContainsTextOptions TEXT_SOON =
      new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

  /** Keeps ICE on 127.0.0.1 / ::1: other candidates are neither signalled nor accepted. */
  static final String LOOPBACK_ONLY =
      """
      (() => {
        const ok = (c) => !c || !c.candidate || / (127\\.0\\.0\\.1|::1) /.test(c.candidate);
        const add = RTCPeerConnection.prototype.addIceCandidate;
        RTCPeerConnection.prototype.addIceCandidate = function (c) {
          return ok(c) ? add.apply(this, arguments) : Promise.resolve();
        };
        const setRemote = RTCPeerConnection.prototype.setRemoteDescription;
        RTCPeerConnection.prototype.setRemoteDescription = function (d) {
          if (d && d.sdp) {
            d = { type: d.type, sdp: d.sdp.split('\\r\\n')
              .filter(l => !l.startsWith('a=candidate') || / (127\\.0\\.0\\.1|::1) /.test(l)).join('\\r\\n') };
          }
          return setRemote.call(this, d);
        };
      })();
      """;

  @BeforeAll
  void startMediaBrowser() {
    media =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(
                        Path.of(
                            System.getenv().getOrDefault("LECTERN_CHROMIUM", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--use-fake-device-for-media-stream",
                            "--use-fake-ui-for-media-stream",
                            "--allow-loopback-in-peer-connection",
                            "--autoplay-policy=no-user-gesture-required")));
  }

  @AfterAll
  void stopMediaBrowser() {
    if (media != null) {
      media.close();
    }
  }

  BrowserContext mediaPhone(String lang) {
    BrowserContext c =
        media.newContext(
            new Browser.NewContextOptions()
                .setBaseURL(baseUrl())
                .setTimezoneId("Asia/Almaty")
                .setLocale(lang)
                .setViewportSize(360, 740)
                .setIsMobile(true)
                .setHasTouch(true));
    c.grantPermissions(List.of("microphone", "camera"));
    c.addInitScript(LOOPBACK_ONLY);
    return c;
  }

  Page joinByCode(BrowserContext ctx, LiveFixtures.Room room, String name) {
    Page p = ctx.newPage();
    p.navigate("/sessions/" + room.sessionId() + "/live/join?k=" + fx.joinKey(room));
    p.fill("#displayName", name);
    p.locator("main form button[type=submit]").click();
    p.waitForURL("**/sessions/" + room.sessionId() + "/live");
    return p;
  }

  /** Connected peers of this page, and how many of them have sent audio bytes here. */
  static final String AUDIO =
      """
      async () => {
        const conns = Object.values((window.lecternTables || {}).connections || {});
        let connected = 0, hearing = 0;
        for (const pc of conns) {
          if (pc.connectionState === 'connected') connected++;
          const stats = await pc.getStats();
          stats.forEach(s => {
            if (s.type === 'inbound-rtp' && s.kind === 'audio' && s.bytesReceived > 0 && s.packetsReceived > 0) hearing++;
          });
        }
        return [connected, hearing];
      }
      """;

  /**
   * Polls the page until both of its peer connections are "connected" and both carry audio here
   * (inbound-rtp audio with bytes and packets received), then checks that packets keep arriving.
   */
  @SuppressWarnings("unchecked")
  static void awaitAudio(Page p) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(40);
    List<Object> last = List.of();
    while (System.nanoTime() < deadline) {
      last = (List<Object>) p.evaluate(AUDIO);
      if (((Number) last.get(0)).intValue() == 2 && ((Number) last.get(1)).intValue() == 2) {
        break;
      }
      p.waitForTimeout(500);
    }
    assertThat(last)
        .as("connected peers and peers heard on %s: %s", p.url(), p.evaluate(STATES))
        .extracting(o -> ((Number) o).intValue())
        .containsExactly(2, 2);
    Number before = (Number) p.evaluate(PACKETS);
    p.waitForFunction(
        "n => window.__packets > n",
        before,
        new Page.WaitForFunctionOptions().setTimeout(10_000).setPollingInterval(300));
  }

  /** Audio packets received on all connections so far (also kept in window.__packets). */
  static final String PACKETS =
      """
      async () => {
        let n = 0;
        for (const pc of Object.values(window.lecternTables.connections)) {
          (await pc.getStats()).forEach(s => {
            if (s.type === 'inbound-rtp' && s.kind === 'audio') n += s.packetsReceived;
          });
        }
        window.__packets = n;
        setTimeout(async function again() {
          let m = 0;
          for (const pc of Object.values(window.lecternTables.connections)) {
            (await pc.getStats()).forEach(s => {
              if (s.type === 'inbound-rtp' && s.kind === 'audio') m += s.packetsReceived;
            });
          }
          window.__packets = m;
          setTimeout(again, 250);
        }, 250);
        return n;
      }
      """;

  static final String STATES =
      """
      () => JSON.stringify(Object.entries((window.lecternTables || {}).connections || {})
        .map(([k, pc]) => [k, pc.connectionState, pc.iceConnectionState, pc.signalingState]))
      """;

  @Test
  void threePhonesTalkAtOneTableWriteItsNoteAndReturnToTheRoom() {
    var room = fx.running();
    String base = "/sessions/" + room.sessionId() + "/live";
    List<BrowserContext> contexts = new ArrayList<>();
    try {
      String[] langs = {"en", "ru", "kk"};
      List<Page> phones = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        BrowserContext c = mediaPhone(langs[i]);
        contexts.add(c);
        Page p = joinByCode(c, room, "Delegate " + (i + 1));
        int n = i + 1;
        p.onConsoleMessage(m -> System.out.println("phone " + n + " console: " + m.text()));
        phones.add(p);
      }
      BrowserContext plainCtx = phone("Asia/Almaty", false);
      contexts.add(plainCtx);
      Page plain = joinByCode(plainCtx, room, "No script");
      for (Page p : phones) {
        p.locator("#live[data-live-connected=true]").waitFor(SOON);
      }

      // The moderator opens one table of up to six for everyone present.
      BrowserContext desk = desktop("Asia/Almaty", true);
      contexts.add(desk);
      Page console = desk.newPage();
      console.navigate("/login");
      console.fill("#email", room.organiser().email());
      console.fill("#password", Fixtures.PASSWORD);
      console.locator("main form button[type=submit]").click();
      console.waitForURL("**/admin**");
      console.navigate(base + "/tables");
      assertThat(console.locator("#tables-present")).containsText("4");
      assertAccessible(console);
      console.fill("#minutes", "10");
      console.fill("#question", "What does Article 9 change in your daily practice?");
      console.locator("#open-button").click();
      console.waitForURL("**" + base + "/tables**");
      assertThat(console.locator("#live-tables")).containsText("Delegate 1");

      // Every phone with JavaScript is taken to its table; the one without follows the link.
      for (Page p : phones) {
        p.waitForURL("**" + base + "/table", new Page.WaitForURLOptions().setTimeout(20_000));
        assertThat(p.locator("#table-question")).containsText("Article 9");
        assertThat(p.locator("#table-people li")).hasCount(4);
      }
      plain.reload();
      plain.locator("#table-call a").click();
      plain.waitForURL("**" + base + "/table");
      assertThat(plain.locator("#timer time")).isVisible();
      assertThat(plain.locator("#talk-hint")).isVisible();

      // The timer counts down.
      Locator left = phones.get(0).locator("[data-countdown-left]");
      assertThat(left).hasAttribute("data-seconds-left", Pattern.compile("\\d+"));
      int first = Integer.parseInt(left.getAttribute("data-seconds-left"));
      assertThat(first).isBetween(500, 600);
      phones
          .get(0)
          .waitForFunction(
              "s => +document.querySelector('[data-countdown-left]').getAttribute('data-seconds-left') < s",
              first,
              new Page.WaitForFunctionOptions().setTimeout(10_000));

      // Talking: everyone joins the conversation; every connection connects and carries audio.
      for (Page p : phones) {
        p.locator("#talk-start").click();
        assertThat(p.locator("#talk-mute")).isVisible();
      }
      for (Page p : phones) {
        awaitAudio(p);
      }
      assertAccessible(phones.get(0));
      assertAccessible(phones.get(1));
      assertAccessible(phones.get(2));

      // The shared note: typed on one phone, saved as typed, seen on the others.
      phones.get(0).locator("#note").fill("Article 9 reaches administrative detention too.");
      assertThat(phones.get(0).locator("#note-status"))
          .not()
          .isEmpty(
              new com.microsoft.playwright.assertions.LocatorAssertions.IsEmptyOptions()
                  .setTimeout(10_000));
      assertThat(phones.get(2).locator("#note"))
          .hasValue(
              Pattern.compile(".*administrative detention.*"),
              new LocatorAssertions.HasValueOptions().setTimeout(20_000));
      // Without JavaScript: read, add, save with the button.
      plain.reload();
      assertThat(plain.locator("#note")).hasValue(Pattern.compile(".*administrative detention.*"));
      plain
          .locator("#note")
          .fill("Article 9 reaches administrative detention too.\nHabeas corpus within 48 hours?");
      plain.locator("#note-form button[type=submit]").click();
      plain.waitForURL("**" + base + "/table**");
      assertThat(phones.get(1).locator("#note"))
          .hasValue(
              Pattern.compile(".*Habeas corpus.*", Pattern.DOTALL),
              new LocatorAssertions.HasValueOptions().setTimeout(20_000));

      // Asking for help shows on the console.
      phones.get(1).locator("#help-button").click();
      assertThat(console.locator("#help-count")).containsText("1", TEXT_SOON);

      // Closing: everyone is back in the main room; the note is on the console.
      console.locator("#close-button").click();
      console.waitForURL("**" + base + "/tables**");
      for (Page p : phones) {
        p.waitForURL(
            "**" + base + "?tables=closed", new Page.WaitForURLOptions().setTimeout(20_000));
        assertThat(p.locator("#tables-closed")).isVisible();
      }
      plain.reload();
      plain.waitForURL("**" + base + "?tables=closed**");
      assertThat(console.locator("#notes")).containsText("Habeas corpus");
      assertAccessible(console);

      // The note on the projector, and as a question for the speaker.
      console.locator("#notes button[data-action=spotlight]").click();
      Page projector = desk.newPage();
      projector.navigate(base + "/projector");
      assertThat(projector.locator("#projector-note")).containsText("Habeas corpus");
      console.navigate(base + "/tables");
      console.locator("#notes button[data-action=ask]").click();
      console.navigate(base + "/moderate");
      assertThat(console.locator("#live-queue")).containsText("Habeas corpus");
    } finally {
      contexts.forEach(BrowserContext::close);
    }
  }
}
