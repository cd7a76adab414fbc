package org.lectern.attendance.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationService;
import org.lectern.session.Session;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.lectern.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * A hybrid session's door on phones: the delegate finds their QR code in "My trainings" (Kazakh),
 * door staff without JavaScript open the door list in Kazakh, see who is expected in the room
 * first, search, check one person in with the button and another with the code read from that QR
 * code; the same screens in Russian have no accessibility violations.
 */
class CheckInBrowserIT extends BrowserTest {

  @Autowired Fixtures fixtures;
  @Autowired ProgrammeService programmes;
  @Autowired SessionService sessions;
  @Autowired RegistrationService registrations;
  @Autowired OneTimeTokenService oneTimeTokens;
  @Autowired PersonalDataCipher cipher;
  @Autowired CheckInCodeService codes;

  /**
   * A phone's camera as the page's script sees it, for a browser that has none: {@code
   * BarcodeDetector} (Chrome on Android has it, Chromium on Linux not) reads whatever code the test
   * last put in {@code window.name}; the camera is a blank canvas, or refuses to open when {@code
   * camera} is false (no camera, or permission denied).
   */
  private static String fakeCamera(boolean camera) {
    return """
        window.BarcodeDetector = class {
          detect() {
            return Promise.resolve(window.name ? [{ rawValue: window.name, format: "qr_code" }] : []);
          }
        };
        navigator.mediaDevices.getUserMedia = function () {
          if (!%s) { return Promise.reject(new DOMException("No camera", "NotFoundError")); }
          var canvas = document.createElement("canvas");
          canvas.width = 64;
          canvas.height = 64;
          canvas.getContext("2d").fillRect(0, 0, 64, 64);
          return Promise.resolve(canvas.captureStream());
        };
        """
        .formatted(camera);
  }

  /**
   * Door staff with JavaScript on a phone in Kazakh. Where the camera cannot be opened, the button
   * says so and the typed code still checks the delegate in; with a camera, the code it reads
   * checks the next delegate in at once, the same code read again records nothing and says since
   * when they are in, and a code of another programme is refused and tied to the field.
   */
  @Test
  void withJavaScriptTheCameraOrTheTypedCodeChecksInOnceAndForeignCodesAreRefused() {
    LecternUser organiser = fixtures.organiser("door-camera");
    Programme p =
        fixtures.programme(
            organiser,
            "door-camera",
            LocalizedText.of("kk", "Сөз бостандығы"),
            List.of("kk", "ru"),
            null,
            30);
    Instant start = Instant.now().plus(Duration.ofMinutes(20));
    Session s = fixtures.hybridSession(organiser, p.id(), "kk", "Сөз бостандығы", start, 10);
    String sid = s.id().toString();
    UUID asel = register(p, organiser, "Әсел Жақсылықова", "asel.cam@mail.kz", sid, "ROOM");
    UUID marat = register(p, organiser, "Марат Оспанов", "marat.cam@mail.kz", sid, "ROOM");
    Programme other =
        fixtures.programme(
            organiser, "door-other", LocalizedText.of("kk", "Басқа"), List.of("kk"), null, 30);
    Session otherSession = fixtures.hybridSession(organiser, other.id(), "kk", "Басқа", start, 10);
    UUID stranger =
        register(
            other,
            organiser,
            "Ерлан Беков",
            "erlan.cam@mail.kz",
            otherSession.id().toString(),
            "ROOM");
    String aselCode = codes.codeFor(asel, p.id());
    String maratCode = codes.codeFor(marat, p.id());
    String strangerCode = codes.codeFor(stranger, other.id());

    // No camera: the button says so, and the code is typed.
    try (var door = phone("Asia/Almaty", true)) {
      door.addInitScript(fakeCamera(false));
      Page page = signIn(door, organiser, "kk");
      page.navigate("/admin/sessions/" + sid + "/check-in");
      var camera = page.locator("#camera");
      assertThat(camera.isVisible()).isTrue();
      assertThat(camera.textContent()).isEqualTo("Камерамен сканерлеу");
      camera.click();
      page.waitForSelector("#camera-status:has-text('кодты қолмен теріңіз')");
      assertThat(camera.getAttribute("aria-pressed")).isEqualTo("false");
      assertAccessible(page);
      page.fill("#code", aselCode);
      page.locator("#code-form button[type=submit]").click();
      page.waitForURL("**/check-in");
      assertThat(page.locator("[role=status]").first().textContent())
          .contains("Әсел Жақсылықова: келгені", "белгіленді");
    }

    // A camera: what it reads is submitted at once.
    try (var door = phone("Asia/Almaty", true)) {
      door.addInitScript(fakeCamera(true));
      Page page = signIn(door, organiser, "kk");
      page.navigate("/admin/sessions/" + sid + "/check-in");
      page.locator("#camera").click();
      page.waitForSelector("video.camera");
      assertThat(page.locator("#camera").getAttribute("aria-pressed")).isEqualTo("true");
      assertThat(page.locator("#camera-status").textContent())
          .isEqualTo("Камераны QR-кодқа бағыттаңыз.");
      assertAccessible(page);
      // Pressed again, the camera stops; pressed once more, it looks again.
      page.locator("#camera").click();
      assertThat(page.locator("video.camera").count()).isZero();
      assertThat(page.locator("#camera").getAttribute("aria-pressed")).isEqualTo("false");
      assertThat(page.locator("#camera").textContent()).isEqualTo("Камерамен сканерлеу");
      page.locator("#camera").click();
      page.waitForSelector("video.camera");
      page.evaluate("code => { window.name = code; }", maratCode);
      page.waitForSelector("[role=status]:has-text('Марат Оспанов: келгені')");
      assertThat(page.locator("#count-in-room").textContent()).isEqualTo("2");
      assertThat(page.locator("video.camera").count()).isZero();

      // The same code read again: nothing is recorded, and the page says since when.
      page.evaluate("() => { window.name = ''; }");
      page.locator("#camera").click();
      page.waitForSelector("video.camera");
      page.evaluate("code => { window.name = code; }", maratCode);
      page.waitForSelector("[role=status]:has-text('Марат Оспанов залда')");
      assertThat(page.locator("#count-in-room").textContent()).isEqualTo("2");

      // Another programme's delegate: refused, tied to the field, the code left in it.
      page.evaluate("() => { window.name = ''; }");
      page.locator("#camera").click();
      page.waitForSelector("video.camera");
      page.evaluate("code => { window.name = code; }", strangerCode);
      page.waitForSelector("#code-error");
      assertThat(page.locator("#code-error").textContent())
          .isEqualTo("Бұл бағдарламаның бірде-бір делегатында мұндай код жоқ.");
      assertThat(page.locator("#code").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(page.locator("#code").inputValue()).isEqualTo(strangerCode);
      assertAccessible(page);
    }
    assertThat(
            jdbc.sql(
                    "select registration_id from attendance_checkin where session_id = :s"
                        + " order by at")
                .param("s", s.id())
                .query(UUID.class)
                .list())
        .containsExactly(asel, marat);
  }

  @Test
  void aDelegatesQrCodeChecksThemInOnADoorPhoneWithoutJavaScript() throws Exception {
    LecternUser organiser = fixtures.organiser("door");
    Programme p =
        programmes.create(
            organiser,
            fixtures.organisationOf(organiser),
            ProgrammeInput.validate(
                new ProgrammeInput.Raw(
                    "door-" + UUID.randomUUID().toString().substring(0, 6),
                    new LocalizedText(
                        Map.of("en", "Fair trial", "ru", "Справедливый суд", "kk", "Әділ сот")),
                    LocalizedText.empty(),
                    List.of("kk", "ru", "en"),
                    "Asia/Almaty",
                    null,
                    null,
                    true,
                    false)));
    Instant start = Instant.now().plus(Duration.ofMinutes(30));
    Session s =
        sessions.create(
            organiser,
            p.id(),
            new SessionInput.Raw(
                new LocalizedText(Map.of("kk", "Адвокаттың рөлі", "en", "The lawyer's role")),
                LocalizedText.empty(),
                start,
                start.plus(Duration.ofHours(2)),
                "HYBRID",
                LocalizedText.of("kk", "Алматы, 2-зал"),
                1,
                "kk",
                List.of(),
                List.of(),
                "URL",
                "https://meet.example.org/door"),
            List.of(),
            true);
    String sid = s.id().toString();
    UUID aigerim = register(p, organiser, "Айгерим Сарсенбаева", "aigerim.qr@mail.kz", sid, "ROOM");
    register(p, organiser, "Bolat Nurlanov", "bolat.qr@mail.kz", sid, "ROOM");
    register(p, organiser, "Дана Омарова", "dana.qr@mail.kz", sid, "ONLINE");

    // The delegate signs in on her phone and finds her code and its QR code in Kazakh.
    String code;
    String decoded;
    awaitDelegateAddress("aigerim.qr@mail.kz");
    try (var phone = phone("Asia/Almaty", true)) {
      Page page = phone.newPage();
      var token =
          oneTimeTokens.generate(
              new GenerateOneTimeTokenRequest(cipher.emailIndex("aigerim.qr@mail.kz")));
      page.navigate("/my/sign-in/token?token=" + token.getTokenValue() + "&lang=kk");
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/my**");
      page.navigate("/my?lang=kk");
      var card = page.locator("#registration-" + aigerim);
      assertThat(card.locator("h4").textContent()).isEqualTo("Белгілеу кодыңыз");
      assertThat(card.textContent()).contains("залда");
      code = card.locator(".checkin-code code").textContent();
      assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
      var image =
          ImageIO.read(new ByteArrayInputStream(card.locator("svg.checkin-qr").screenshot()));
      decoded =
          new MultiFormatReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
              .getText();
      assertThat(decoded).isEqualTo(code);
      assertAccessible(page);
    }

    // Door staff on a phone without JavaScript, in Kazakh.
    try (var door = phone("Asia/Almaty", false)) {
      Page page = signIn(door, organiser, "kk");
      page.navigate("/admin/sessions/" + sid + "/check-in");
      assertThat(page.locator("h1").textContent()).isEqualTo("Кіреберісте белгілеу");
      assertThat(page.locator("#camera").isVisible()).isFalse();
      // Expected in the room first: Aigerim's seat is confirmed, Bolat waits for one (capacity 1).
      var names = page.locator("#door-list .name").allTextContents();
      assertThat(names).first().isEqualTo("Айгерим Сарсенбаева");
      assertThat(names).hasSize(3);
      assertThat(page.locator("#count-expected").textContent()).isEqualTo("1");
      assertThat(bolat(page).textContent())
          .contains("Залдағы орынға күту тізімінде", "Келгені белгіленбеген");

      page.fill("#q", "болат");
      page.locator("form[role=search] button").click();
      page.waitForSelector("#search-result");
      assertThat(page.url()).doesNotContain("q=").endsWith("/check-in");
      assertThat(page.locator("#door-list .name").allTextContents())
          .containsExactly("Bolat Nurlanov");
      page.locator("#door-list button").click();
      page.waitForURL("**/check-in");
      assertThat(page.locator("#q").inputValue()).isEqualTo("болат");
      assertThat(page.locator("[role=status]").first().textContent())
          .contains("Bolat Nurlanov: келгені", "белгіленді");
      assertThat(page.locator("#door-list li.in").textContent()).contains("бастап залда");
      // Back on the phone after a check-in from a search: the list again, never the browser's
      // "Confirm form resubmission" (the search answered with a redirect, not with a page).
      var back = page.goBack();
      assertThat(back.status()).isEqualTo(200);
      assertThat(page.locator("h1").textContent()).isEqualTo("Кіреберісте белгілеу");
      page.navigate("/admin/sessions/" + sid + "/check-in");

      // A code that is no code: the error is tied to the field, and nothing is recorded.
      page.fill("#code", "1234");
      page.locator("#code-form button[type=submit]").click();
      assertThat(page.locator("#code").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(page.locator("#code-error").textContent()).contains("белгілеу коды емес");
      assertThat(page.locator("#code").getAttribute("aria-describedby")).contains("code-error");

      // The code read from the QR code, typed as a door phone's keyboard would.
      page.fill("#code", decoded.toLowerCase());
      page.locator("#code-form button[type=submit]").click();
      page.waitForURL("**/check-in");
      assertThat(page.locator("[role=status]").first().textContent())
          .contains("Айгерим Сарсенбаева: келгені");
      assertThat(page.locator("#count-in-room").textContent()).isEqualTo("2");
      assertThat(page.locator("#code").getAttribute("autofocus")).isNotNull();
    }

    // axe-core runs in the page, so the same screens are checked with JavaScript on, in Russian:
    // the list, a search, a refused code tied to its field, a check-out and its message.
    try (var door = phone("Asia/Almaty", true)) {
      Page page = signIn(door, organiser, "ru");
      page.navigate("/admin/sessions/" + sid + "/check-in");
      assertThat(page.locator("h1").textContent()).isEqualTo("Отметка на входе");
      assertAccessible(page);
      page.fill("#q", "bol");
      page.locator("form[role=search] button").click();
      page.waitForSelector("#search-result");
      assertAccessible(page);
      page.fill("#code", "1234");
      page.locator("#code-form button[type=submit]").click();
      page.waitForSelector("#code-error");
      assertAccessible(page);
      page.navigate("/admin/sessions/" + sid + "/check-in");
      page.fill("#q", "bol");
      page.locator("form[role=search] button").click();
      page.waitForSelector("#search-result");
      page.locator("#door-list button").click();
      page.waitForURL("**/check-in");
      assertThat(page.locator("[role=status]").first().textContent())
          .contains("Bolat Nurlanov: уход отмечен");
      assertAccessible(page);
    }
    assertThat(
            jdbc.sql("select count(*) from attendance_checkin where session_id = :s")
                .param("s", s.id())
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  private static com.microsoft.playwright.Locator bolat(Page page) {
    return page.locator("#door-list li", new Page.LocatorOptions().setHasText("Bolat"));
  }

  private Page signIn(BrowserContext context, LecternUser user, String lang) {
    Page page = context.newPage();
    signIn(page, user.email(), lang);
    return page;
  }

  private UUID register(
      Programme p, LecternUser organiser, String name, String email, String session, String mode) {
    var r = Registrations.request(name, email, "kk", false, Map.of(session, mode));
    return registrations.register(p.id(), r, organiser).registration().id();
  }

  /** "My trainings" knows a delegate once the confirmation mail was queued (after commit). */
  private void awaitDelegateAddress(String email) {
    await("a delegate address for " + email)
        .atMost(java.time.Duration.ofSeconds(10))
        .pollInterval(java.time.Duration.ofMillis(50))
        .until(
            () ->
                jdbc.sql("select count(*) from delegate_address where email_index = :i")
                        .param("i", cipher.emailIndex(email))
                        .query(Integer.class)
                        .single()
                    > 0);
  }
}
