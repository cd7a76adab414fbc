package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.support.BrowserTest;
import org.lectern.support.Http;
import org.lectern.support.OptInMailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The delegate's whole journey on a phone, in Kazakh: register, get the e-mail, sign in with the
 * link, cancel — and the first waitlisted person is promoted and told.
 */
class DelegateJourneyBrowserIT extends BrowserTest {

  static final int SMTP_PORT = MailFixtures.freePort();
  static final GreenMail smtp = MailFixtures.smtp(SMTP_PORT);
  static final Pattern CONFIRM =
      Pattern.compile(
          "https?://[^/\\s]+(/programmes/[^/\\s]+/register/confirm\\?token=[A-Za-z0-9_-]+)"
              + "(&lang=[a-z]{2})?");
  static final Pattern LINK =
      Pattern.compile("https?://[^/\\s]+(/my/sign-in/token\\?token=[A-Za-z0-9-]+[^\\s\"<]*)");

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("lectern.mail.poll-interval", () -> "1h");
    registry.add("lectern.mail.reminder-scan-interval", () -> "1h");
  }

  @Autowired OutboxSender sender;
  @Autowired PersonalDataCipher cipher;

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  void registerOnAPhoneInKazakhThenCancelAndTheWaitlistedPersonIsPromoted() throws Exception {
    var programme = MailFixtures.programme(jdbc);
    jdbc.sql("update programme set capacity = 1, waitlist = true where id = :id")
        .param("id", programme.id())
        .update();
    String slug =
        jdbc.sql("select slug from programme where id = :id")
            .param("id", programme.id())
            .query(String.class)
            .single();
    String aigerim = "aigerim." + UUID.randomUUID().toString().substring(0, 6) + "@example.kz";
    String daulet = "daulet." + UUID.randomUUID().toString().substring(0, 6) + "@example.kz";

    // Register, check the inbox, open the link from the mail, confirm — on a phone, without
    // JavaScript.
    try (BrowserContext noScript = phone("Asia/Almaty", false)) {
      Page page = noScript.newPage();
      page.navigate("/programmes/" + slug + "/register?lang=kk");
      page.fill("#fullName", "Әйгерім Нұрланқызы");
      page.fill("#email", aigerim);
      if (page.locator("#consent").count() > 0) {
        page.check("#consent");
      }
      page.locator("main form button[type=submit]").last().click();
      page.waitForURL("**/register/check-inbox");
      assertThat(page.locator("html").getAttribute("lang")).isEqualTo("kk");
      assertThat(page.locator("main").innerText())
          .contains("Поштаңызды тексеріңіз")
          .contains(MailFixtures.TITLE_KK);
      assertThat(
              jdbc.sql("select count(*) from registration where programme_id = :p")
                  .param("p", programme.id())
                  .query(Integer.class)
                  .single())
          .isZero();
      new OptInMailbox(jdbc, cipher).await(aigerim, 1);
      sender.sendDue();
      MimeMessage ask = lastTo(aigerim);
      String text = MailFixtures.part(ask, "text/plain");
      assertThat(text).contains("Тіркелуімді растау").doesNotContain("Әйгерім");
      Matcher confirm = CONFIRM.matcher(text);
      assertThat(confirm.find()).isTrue();
      // The link opened in another browser (a mail app's own, in English): still in Kazakh.
      assertThat(confirm.group(2)).isEqualTo("&lang=kk");
      try (BrowserContext mailApp = phone("Asia/Almaty", false)) {
        Page other = mailApp.newPage();
        other.navigate(confirm.group(1) + confirm.group(2));
        assertThat(other.locator("html").getAttribute("lang")).isEqualTo("kk");
        assertThat(other.locator("main").innerText()).contains("Тіркелуді растаңыз");
      }
      page.navigate(confirm.group(1));
      assertThat(page.locator("main").innerText()).contains("Тіркелуді растаңыз");
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/register/done/**");
      assertThat(page.locator("main").innerText()).contains("Тіркеуіңіз расталды.");
      // The form and the link's page were protected by a cookie, not a session (ADR 0028).
      assertThat(noScript.cookies().stream().map(c -> c.name))
          .contains("lectern-csrf")
          .doesNotContain("SESSION");
      assertThat(
              jdbc.sql("select status from registration where programme_id = :p")
                  .param("p", programme.id())
                  .query(String.class)
                  .list())
          .containsExactly("CONFIRMED");
      checkAccessible(
          "/programmes/" + slug + "/register?lang=kk",
          "/programmes/" + slug + "/register/check-inbox?lang=kk",
          confirm.group(1) + "&lang=kk",
          page.url().replace(baseUrl(), ""));
    }

    try (BrowserContext phone = phone("Asia/Almaty", true)) {
      Page page = phone.newPage();
      awaitQueued("registration.confirmed");
      sender.sendDue();
      MimeMessage confirmation = lastTo(aigerim);
      assertThat(confirmation.getSubject()).isNotBlank();
      assertThat(MailFixtures.part(confirmation, "text/plain")).contains("Әйгерім");
      assertThat(MailFixtures.part(confirmation, "text/calendar")).contains("BEGIN:VEVENT");

      var asked =
          new Http(baseUrl())
              .postJson(
                  "/api/v1/programmes/" + programme.id() + "/registrations",
                  Http.map(
                      "email",
                      daulet,
                      "fullName",
                      "Дәулет Серікұлы",
                      "language",
                      "ru",
                      "consent",
                      true));
      // The public API answers the same for everyone; the place is given when the link is
      // followed.
      assertThat(asked.status()).isEqualTo(202);
      new OptInMailbox(jdbc, cipher).await(daulet, 1);
      sender.sendDue();
      Matcher second = CONFIRM.matcher(MailFixtures.part(lastTo(daulet), "text/plain"));
      assertThat(second.find()).isTrue();
      page.navigate(second.group(1) + "&lang=kk");
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/register/done/**");
      assertThat(phone.cookies().stream().map(c -> c.name))
          .contains("lectern-csrf")
          .doesNotContain("SESSION");
      assertThat(
              jdbc.sql(
                      "select status from registration where programme_id = :p order by created_at")
                  .param("p", programme.id())
                  .query(String.class)
                  .list())
          .containsExactly("CONFIRMED", "WAITLISTED");

      page.navigate("/my/sign-in?lang=kk");
      assertAccessible(page);
      page.fill("input[name=email]", aigerim);
      page.locator("main form button[type=submit]").click();
      page.waitForLoadState();
      // The link is issued after the answer (DelegateAccess.issue, from an event's listener):
      // send what is due until its mail is the last one to her.
      Matcher link =
          await("the sign-in link to " + aigerim)
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> {
                    sender.sendDue();
                    return LINK.matcher(MailFixtures.part(lastTo(aigerim), "text/plain"));
                  },
                  Matcher::find);
      page.navigate(link.group(1));
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/my**");
      assertAccessible(page);
      page.locator("form[action$='/cancel'] button").first().click();
      page.waitForLoadState();
    }

    awaitQueued("registration.promoted");
    sender.sendDue();
    MimeMessage promoted = lastTo(daulet);
    assertThat(MailFixtures.part(promoted, "text/plain")).contains("Дәулет");
    assertThat(
            jdbc.sql("select status from registration where programme_id = :p order by created_at")
                .param("p", programme.id())
                .query(String.class)
                .list())
        .containsExactly("CANCELLED", "CONFIRMED");
  }

  /** Module listeners queue mails after commit on a background thread: wait for one (bounded). */
  void awaitQueued(String kind) throws InterruptedException {
    awaitQueued(kind, 1);
  }

  void awaitQueued(String kind, int count) {
    await(count + " mails " + kind)
        .atMost(java.time.Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql("select count(*) from mail_outbox where kind = :k")
                        .param("k", kind)
                        .query(Integer.class)
                        .single()
                    >= count);
  }

  /** axe-core on each page (in a context with scripts, which axe itself needs). */
  void checkAccessible(String... paths) {
    try (BrowserContext withScript = phone("Asia/Almaty", true)) {
      Page page = withScript.newPage();
      for (String path : paths) {
        page.navigate(path);
        assertAccessible(page);
      }
    }
  }

  static MimeMessage lastTo(String address) throws Exception {
    List<MimeMessage> mine =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().contains(address));
                  } catch (Exception e) {
                    return false;
                  }
                })
            .toList();
    assertThat(mine).as("mail to %s", address).isNotEmpty();
    return mine.get(mine.size() - 1);
  }
}
