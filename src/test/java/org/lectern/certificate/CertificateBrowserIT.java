package org.lectern.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.importing.AttendanceImportService;
import org.lectern.identity.LecternUser;
import org.lectern.notification.OutboxDrain;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The certificate's life in real browsers: the delegate downloads it from "My trainings", a
 * stranger opens the QR code's URL and sees it valid, the organiser revokes it and the page says
 * so; the /verify pages have no accessibility violations. Completion comes from real attendance
 * (Zoom reports imported through the attendance module).
 */
class CertificateBrowserIT extends BrowserTest {

  static final String BASE = "https://lectern.example.kz";
  static final int SMTP_PORT = CertificateIT.freePort();
  static final GreenMail smtp =
      startSmtp(new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));
  static final Pattern LINK =
      Pattern.compile("https?://[^/\\s]+(/my/sign-in/token\\?token=[A-Za-z0-9-]+[^\\s\"<]*)");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("lectern.base-url", () -> BASE);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("lectern.mail.poll-interval", () -> "1h");
    registry.add("lectern.mail.reminder-scan-interval", () -> "1h");
  }

  @Autowired Fixtures fixtures;
  @Autowired CertificateService office;
  @Autowired OutboxDrain outbox;
  @Autowired AttendanceImportService imports;

  @Autowired org.lectern.shared.crypto.PersonalDataCipher cipher;

  org.lectern.support.OptInMailbox mailbox() {
    return new org.lectern.support.OptInMailbox(jdbc, cipher, baseUrl());
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  void downloadInMyTrainingsVerifyAsAStrangerThenRevoke() throws Exception {
    Http http = new Http(baseUrl());
    LecternUser organiser = fixtures.organiser("browser");
    UUID programme = CertificateFixtures.programme(jdbc, fixtures.organisationOf(organiser));
    String email = "aliya.b." + UUID.randomUUID().toString().substring(0, 6) + "@example.kz";
    UUID registration =
        CertificateFixtures.register(
            http, mailbox(), programme, CertificateFixtures.KAZAKH_NAME, email, "kk");
    CertificateFixtures.attendance(
        imports,
        organiser,
        jdbc,
        programme,
        List.of(
            new CertificateFixtures.Attendee(CertificateFixtures.KAZAKH_NAME, email, 0, 180, 180)));
    assertThat(office.issueAll(organiser, programme).issued()).isEqualTo(1);

    byte[] pdf;
    try (BrowserContext phone = phone("Asia/Almaty", true)) {
      phone.setDefaultTimeout(30_000);
      Page page = phone.newPage();
      page.navigate("/my/sign-in?lang=kk");
      page.fill("input[name=email]", email);
      page.locator("main form button[type=submit]").click();
      page.waitForLoadState();
      // The link is issued after the answer (DelegateAccess.issue, from an event's listener):
      // send what is due until its mail has arrived.
      String signIn =
          org.awaitility.Awaitility.await()
              .atMost(java.time.Duration.ofSeconds(30))
              .until(
                  () -> {
                    outbox.sendDue();
                    return signInText(email);
                  },
                  java.util.Objects::nonNull);
      Matcher link = LINK.matcher(signIn);
      assertThat(link.find()).isTrue();
      page.navigate(link.group(1));
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/my**");
      page.locator("#my-certificates").click();
      page.waitForURL("**/my/certificates");
      assertAccessible(page);
      Download download =
          page.waitForDownload(
              new Page.WaitForDownloadOptions().setTimeout(30_000),
              () ->
                  page.locator("a[href$='.pdf']")
                      .first()
                      .click(new Locator.ClickOptions().setNoWaitAfter(true).setTimeout(30_000)));
      pdf = Files.readAllBytes(download.path());
    }
    assertThat(IssuedPdf.text(pdf)).contains(CertificateFixtures.KAZAKH_NAME);

    URI scanned = URI.create(IssuedPdf.qrCode(pdf));
    assertThat(scanned.toString()).startsWith(BASE + "/verify/");
    String code = scanned.getPath().substring("/verify/".length());
    try (BrowserContext stranger = desktop("Europe/London", true)) {
      Page page = stranger.newPage();
      page.navigate(scanned.getPath() + "?lang=en");
      assertThat(page.locator("#certificate-status").getAttribute("data-status"))
          .isEqualTo("VALID");
      assertThat(page.locator("#holder").innerText()).isEqualTo(CertificateFixtures.KAZAKH_NAME);
      assertAccessible(page);
      page.navigate("/verify?lang=ru");
      assertAccessible(page);
      Path file = Files.createTempFile("certificate", ".pdf");
      Files.write(file, pdf);
      page.setInputFiles("#file", file);
      page.locator("form[enctype] button[type=submit]").click();
      page.waitForLoadState();
      assertThat(page.locator("#verdict-text").getAttribute("data-outcome")).isEqualTo("VALID");
      assertAccessible(page);
      page.navigate("/verify?code=nonsense&lang=kk");
      assertAccessible(page);
    }

    try (BrowserContext office = desktop("Asia/Almaty", true)) {
      Page page = office.newPage();
      page.navigate("/login?lang=en");
      page.fill("#email", organiser.email());
      page.fill("#password", Fixtures.PASSWORD);
      page.locator("main form button[type=submit]").click();
      page.waitForLoadState();
      page.navigate("/admin/programmes/" + programme + "/certificates");
      assertAccessible(page);
      page.fill("#revoke-" + code, "Attendance report corrected");
      page.locator("form[action='/admin/certificates/" + code + "/revoke'] button").click();
      page.waitForLoadState();
      assertThat(page.locator("#notice").innerText()).contains("revoked");
      assertThat(
              page.locator("#certificate-" + code + " td[data-status]").getAttribute("data-status"))
          .isEqualTo("REVOKED");
    }

    try (BrowserContext stranger = desktop("Europe/London", true)) {
      Page page = stranger.newPage();
      page.navigate(scanned.getPath() + "?lang=en");
      assertThat(page.locator("#certificate-status").getAttribute("data-status"))
          .isEqualTo("REVOKED");
      assertThat(page.locator("main").innerText()).contains("revoked").doesNotContain("corrected");
      assertAccessible(page);
    }
  }

  /**
   * The text of the latest sign-in mail to {@code address}, or null while none has arrived. Mail
   * leaves in lanes: a sign-in link overtakes the certificate mail queued before it, so it is not
   * necessarily the last one.
   */
  private static String signInText(String address) throws Exception {
    MimeMessage[] all = smtp.getReceivedMessages();
    for (int i = all.length - 1; i >= 0; i--) {
      if (Arrays.toString(all[i].getAllRecipients()).contains(address)) {
        String text = text(all[i]);
        if (text != null && LINK.matcher(text).find()) {
          return text;
        }
      }
    }
    return null;
  }

  private static String text(Part p) throws Exception {
    if (p.isMimeType("text/plain")) {
      return p.getContent().toString();
    }
    if (p.getContent() instanceof Multipart m) {
      for (int i = 0; i < m.getCount(); i++) {
        String found = text(m.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static GreenMail startSmtp(GreenMail g) {
    g.start();
    return g;
  }
}
