package org.lectern.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.notification.OutboxDrain;
import org.lectern.support.BrowserTest;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a phone, in Kazakh and without JavaScript: a delegate who missed a session opens the
 * recording, passes its quiz, and the organiser's attendance shows the session "by recording"; the
 * follow-up invitation arrives by e-mail (GreenMail), is answered from its link, and the report's
 * behaviour figures change to the hand-computed values. The same pages with scripts have no axe
 * violations.
 */
class CatchUpBrowserIT extends BrowserTest {

  static final int SMTP_PORT = freePort();
  static final GreenMail smtp = smtp();

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("lectern.mail.poll-interval", () -> "1h");
    registry.add("lectern.mail.reminder-scan-interval", () -> "1h");
  }

  @Autowired LearningFixture fx;
  @Autowired Recordings recordings;
  @Autowired FollowUpScan scan;
  @Autowired OutboxDrain outbox;
  @Autowired ApiTokenService tokens;

  @AfterAll
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void aMissedSessionIsCaughtUpAndTheFollowUpAnsweredFromTheMail() throws Exception {
    LecternUser org = fx.organiser("catch-up");
    // The session ran 100 days ago: its recording is still up and the follow-up is due.
    UUID p = fx.programme(org, Instant.now().minus(Duration.ofDays(100)));
    UUID session =
        jdbc.sql("select id from session where programme_id = :p")
            .param("p", p)
            .query(UUID.class)
            .single();
    UUID missed = fx.delegate(org, p, "Айгерім Жазбадан", "KZ-10", "female");
    UUID second = fx.delegate(org, p, "Борис Второй", "KZ-75", "male");
    UUID third = fx.delegate(org, p, "Гүлнар Үшінші", "KZ-71", "female");
    ZoneId almaty = ZoneId.of("Asia/Almaty");
    recordings.save(
        org,
        session,
        Map.of(
            "url",
            "https://video.example.org/rec/art14",
            "from",
            LocalDateTime.ofInstant(Instant.now().minus(Duration.ofDays(1)), almaty)
                .withSecond(0)
                .withNano(0)
                .toString(),
            "until",
            LocalDateTime.ofInstant(Instant.now().plus(Duration.ofDays(30)), almaty)
                .withSecond(0)
                .withNano(0)
                .toString(),
            "access",
            "REGISTERED"));
    recordings.addQuestion(
        org,
        session,
        Map.of(
            "kind",
            "TRUE_FALSE",
            "body.ru",
            "Пытки допустимы?",
            "body.kk",
            "Азаптауға рұқсат па?",
            "correct",
            "2"));
    recordings.addQuestion(
        org,
        session,
        Map.of(
            "kind",
            "TRUE_FALSE",
            "body.ru",
            "Суд должен быть публичным?",
            "body.kk",
            "Сот ашық болуы керек пе?",
            "correct",
            "1"));
    String link = recordings.linkFor(missed, session).replaceFirst("^https?://[^/]+", "");

    try (BrowserContext noScript = phone("Asia/Almaty", false)) {
      Page page = noScript.newPage();
      page.setDefaultTimeout(20_000);
      page.navigate(link + "?lang=kk");
      assertThat(page.locator("h1").textContent()).isEqualTo("Сабақтың жазбасы");
      assertThat(page.locator("#watch").getAttribute("href"))
          .isEqualTo("https://video.example.org/rec/art14");
      // Sent with nothing chosen: the error beside the questions, nothing stored.
      page.locator("#quiz-form button[type=submit]").click();
      assertThat(page.locator("#error-summary").textContent())
          .contains("Бұл сұраққа жауап таңдаңыз.");
      var fieldsets = page.locator("#quiz-form fieldset").all();
      assertThat(fieldsets).hasSize(2);
      // Answer each by its wording: "Азаптауға" is false (2), "Сот ашық" is true (1).
      for (var f : fieldsets) {
        String legend = f.locator("legend").textContent();
        f.locator("input[value='" + (legend.contains("Азаптау") ? "2" : "1") + "']").check();
      }
      page.locator("#quiz-form button[type=submit]").click();
      assertThat(page.locator("#verdict").textContent()).contains("жазба бойынша");
    }

    // Follow-up: invitations queued and delivered; the missed delegate's arrives in GreenMail.
    scan.sendDue();
    outbox.sendDue();
    // The delegate's invitation is the message whose link names their registration (the address
    // is internationalised, and other mail — the registration's confirmation — went there too).
    Pattern mine =
        Pattern.compile("https?://[^/\\s\"<>]+(/learning/" + missed + "/[A-Za-z0-9_-]+/follow-up)");
    List<String> links = new ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      Matcher m = mine.matcher(text(mail));
      if (m.find()) {
        links.add(m.group(1));
      }
    }
    assertThat(links).as("one follow-up invitation with the delegate's link").hasSize(1);
    String followUp = links.get(0);

    var api = new Http(baseUrl());
    String bearer = "Bearer " + tokens.issue(org.id(), "t").token();
    var before = api.get("/api/v1/programmes/" + p + "/report", "Authorization", bearer).json();
    assertThat(before.at("/learning/followUpAnswered").asInt()).isZero();

    try (BrowserContext noScript = phone("Asia/Almaty", false)) {
      Page page = noScript.newPage();
      page.setDefaultTimeout(20_000);
      page.navigate(followUp + "?lang=kk");
      assertThat(page.locator("h1").textContent()).isEqualTo("Кейінгі сауалнама");
      page.check("#used-yes");
      page.check("#cited-no");
      page.fill("#example", "Сотта 14-бапқа сілтеме жасадым");
      page.locator("#follow-up-form button[type=submit]").click();
      assertThat(page.locator("#thanks").textContent()).contains("Рақмет");
    }
    // Two more answers from their links: (no, yes) and (no, no).
    var web = new Browserless(baseUrl(), "ru");
    String csrf = Browserless.csrf(web.get(path(second)));
    assertThat(
            web.post(
                    path(second), csrf, List.of(Map.entry("used", "no"), Map.entry("cited", "yes")))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            web.post(path(third), csrf, List.of(Map.entry("used", "no"), Map.entry("cited", "no")))
                .statusCode())
        .isEqualTo(302);
    // By hand: answered 3; used in practice when either answer is yes: the first two.
    var after = api.get("/api/v1/programmes/" + p + "/report", "Authorization", bearer).json();
    assertThat(after.at("/learning/followUpAnswered").asInt()).isEqualTo(3);
    assertThat(after.at("/learning/usedInPractice").asInt()).isEqualTo(2);

    try (BrowserContext scripts = phone("Europe/Moscow", true)) {
      Page page = scripts.newPage();
      page.setDefaultTimeout(20_000);
      page.navigate(link + "?lang=ru");
      assertThat(page.locator("#verdict").textContent()).contains("по записи");
      assertAccessible(page);
      page.navigate(path(second) + "?lang=ru");
      assertAccessible(page);
      String fresh = recordings.linkFor(third, session).replaceFirst("^https?://[^/]+", "");
      page.navigate(fresh + "?lang=ru");
      assertThat(page.locator("#quiz-form")).isNotNull();
      assertAccessible(page);

      page.navigate("/login?lang=ru");
      page.fill("#email", org.email());
      page.fill("#password", Fixtures.PASSWORD);
      page.locator("main form button[type=submit]").click();
      page.waitForURL("**/admin");
      page.navigate("/admin/programmes/" + p + "/attendance");
      assertThat(page.content()).contains("Айгерім Жазбадан").contains("по записи: 1");
      assertAccessible(page);
      page.navigate("/admin/sessions/" + session + "/recording");
      assertThat(page.locator("h1").textContent()).isEqualTo("Запись и проверочный тест");
      assertAccessible(page);
      page.navigate("/admin/programmes/" + p + "/learning");
      assertAccessible(page);
      page.navigate("/admin/programmes/" + p + "/learning/results");
      assertThat(page.locator("#follow-up-answers").textContent()).isEqualTo("3");
      assertAccessible(page);
      page.navigate("/admin/programmes/" + p + "/report");
      assertThat(page.content()).contains("<dt>Ответили на повторный опрос</dt><dd>3</dd>");
      assertAccessible(page);
    }
  }

  private String path(UUID registration) {
    return "/learning/" + registration + "/" + fx.token(registration) + "/follow-up";
  }

  private static String text(Part p) throws Exception {
    if (p.isMimeType("text/*")) {
      // Decoded from quoted-printable or base64 by the part itself.
      return String.valueOf(p.getContent());
    }
    if (p.getContent() instanceof Multipart mp) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < mp.getCount(); i++) {
        parts.add(text(mp.getBodyPart(i)));
      }
      return String.join("\n", parts);
    }
    return "";
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static GreenMail smtp() {
    GreenMail g = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    g.start();
    return g;
  }
}
