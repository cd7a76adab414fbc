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
      page.navigate("/admin/sessions/" + session + "/attendance");
      assertThat(page.locator("#by-recording").textContent()).contains("Айгерім Жазбадан");
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

  /**
   * The whole way through, for two delegates at once: one on a phone in Kazakh without JavaScript,
   * one in Russian with scripts (axe-core on every page). The organiser builds the test in the
   * browser, delegates take the pre-test, attend the first session (imported attendance) and give
   * feedback on it, catch up the second by its recording and quiz, take the post-test and answer
   * the follow-up from its e-mail; the organiser reads the results, checked by hand.
   */
  @Test
  void aDelegateWalksFromPreTestToFollowUpAndTheOrganiserReadsTheResults() throws Exception {
    LecternUser org = fx.organiser("walk");
    UUID p = fx.programme(org, Instant.now().plus(Duration.ofDays(3)));
    UUID first = sessionOf(p);
    UUID second = UUID.randomUUID();
    jdbc.sql(
            """
            insert into session (id, programme_id, title, starts_at, ends_at, mode, status, sequence)
            select :id, programme_id, '{"ru":"Статья 19","kk":"19-бап"}'::jsonb,
              starts_at + interval '1 day', ends_at + interval '1 day', mode, status, 1
            from session where id = :s
            """)
        .param("id", second)
        .param("s", first)
        .update();
    UUID kk = fx.delegate(org, p, "Әсел Жолдасова", "KZ-10", "female");
    UUID ru = fx.delegate(org, p, "Ольга Путникова", "KZ-75", "female");

    try (BrowserContext noScript = phone("Asia/Almaty", false);
        BrowserContext scripts = phone("Europe/Moscow", true)) {
      Page a = noScript.newPage();
      Page b = scripts.newPage();
      a.setDefaultTimeout(20_000);
      b.setDefaultTimeout(20_000);
      List<Who> both = List.of(new Who(a, kk, "kk", false), new Who(b, ru, "ru", true));

      // The organiser builds the bank: one question without scripts in Kazakh, one with them.
      signIn(a, org, "kk");
      String bank = "/admin/programmes/" + p + "/learning";
      addQuestion(a, bank + "?lang=kk", "Азаптауға тыйым салынған ба?", "Пытки запрещены?", "1");
      signIn(b, org, "ru");
      addQuestion(
          b, bank + "?lang=ru", "Суд может быть тайным всегда?", "Сот әрқашан жабық бола ма?", "2");
      assertThat(b.locator("#question-form")).isNotNull();
      assertAccessible(b);
      b.locator("#open-button").click();
      assertThat(b.locator("#state").textContent()).isNotBlank();
      assertAccessible(b);
      noScript.clearCookies();
      scripts.clearCookies();

      // Pre-test: the first option of each (true, true): one right of two.
      for (Who d : both) {
        Page page = d.page();
        page.navigate(link(d.registration(), "pre") + "?lang=" + d.lang());
        for (var f : page.locator("#test-form fieldset").all()) {
          f.locator("input[type=radio]").first().check();
        }
        d.axe();
        page.locator("#test-form button[type=submit]").click();
        assertThat(page.locator("#result").textContent()).isNotBlank();
        d.axe();
      }

      // The sessions happen (moved into the past); both attend the first only.
      move(p, Duration.ofDays(-5));
      for (UUID d : List.of(kk, ru)) {
        jdbc.sql(
                """
                insert into attendance_result (session_id, registration_id, programme_id, minutes,
                  percent, online, room) values (:s, :r, :p, 110, 92, true, false)
                """)
            .param("s", first)
            .param("r", d)
            .param("p", p)
            .update();
      }

      // Feedback on the first session.
      for (Who d : both) {
        Page page = d.page();
        page.navigate(link(d.registration(), "feedback") + "/" + first + "?lang=" + d.lang());
        d.axe();
        page.check("#satisfaction-5");
        page.check("#relevance-4");
        page.check("#speaker-5");
        page.locator("#survey-form button[type=submit]").click();
        assertThat(page.locator("#thanks").textContent()).isNotBlank();
      }

      // The second session caught up by its recording and quiz.
      recordings.save(org, second, recording());
      recordings.addQuestion(
          org,
          second,
          Map.of(
              "kind",
              "TRUE_FALSE",
              "body.ru",
              "Свобода мнений абсолютна?",
              "body.kk",
              "Пікір бостандығы абсолютті ме?",
              "correct",
              "1"));
      for (Who d : both) {
        Page page = d.page();
        page.navigate(path(recordings.linkFor(d.registration(), second)) + "?lang=" + d.lang());
        d.axe();
        page.locator("#quiz-form input[value='1']").check();
        page.locator("#quiz-form button[type=submit]").click();
        assertThat(page.locator("#verdict").textContent())
            .contains(d.scripts() ? "по записи" : "жазба бойынша");
        d.axe();
      }

      // Post-test, all right this time: "Азаптау…/Пытки…" true (1), "Сот…/Суд…" false (2).
      for (Who d : both) {
        Page page = d.page();
        page.navigate(link(d.registration(), "post") + "?lang=" + d.lang());
        for (var f : page.locator("#test-form fieldset").all()) {
          String legend = f.locator("legend").textContent();
          boolean torture = legend.contains("Азаптау") || legend.contains("Пытки");
          f.locator("input[value='" + (torture ? "1" : "2") + "']").check();
        }
        d.axe();
        page.locator("#test-form button[type=submit]").click();
        assertThat(page.locator("#result").textContent()).isNotBlank();
      }

      // Months later: the follow-up invitation, answered from the link in each one's e-mail.
      move(p, Duration.ofDays(-100));
      scan.sendDue();
      outbox.sendDue();
      for (Who d : both) {
        Page page = d.page();
        page.navigate(followUpLinkFromMail(d.registration()) + "?lang=" + d.lang());
        d.axe();
        page.check("#used-yes");
        page.check("#cited-" + (d.scripts() ? "no" : "yes"));
        page.locator("#follow-up-form button[type=submit]").click();
        assertThat(page.locator("#thanks").textContent()).isNotBlank();
      }

      // The organiser reads the results: by hand, 2 tested before and after, both improved
      // (50 % → 100 %), both passed, 2 answered the follow-up.
      signIn(b, org, "ru");
      b.navigate("/admin/programmes/" + p + "/learning/results?lang=ru");
      assertThat(b.locator("#pre-tested").textContent()).isEqualTo("2");
      assertThat(b.locator("#post-tested").textContent()).isEqualTo("2");
      assertThat(b.locator("#improved").textContent()).startsWith("2");
      assertThat(b.locator("#follow-up-answers").textContent()).isEqualTo("2");
      assertAccessible(b);
      signIn(a, org, "kk");
      a.navigate("/admin/programmes/" + p + "/learning/results?lang=kk");
      assertThat(a.locator("#paired").textContent()).isEqualTo("2");
      a.navigate("/admin/programmes/" + p + "/attendance?lang=kk");
      assertThat(a.content()).contains("Әсел Жолдасова");
    }
  }

  /** A delegate's browser: Kazakh without scripts, or Russian with them (then axe-core runs). */
  record Who(Page page, UUID registration, String lang, boolean scripts) {
    void axe() {
      if (scripts) {
        assertAccessible(page);
      }
    }
  }

  private void signIn(Page page, LecternUser user, String lang) {
    page.context().clearCookies();
    page.navigate("/login?lang=" + lang);
    page.fill("#email", user.email());
    page.fill("#password", Fixtures.PASSWORD);
    page.locator("main form button[type=submit]").click();
    page.waitForURL("**/admin");
  }

  private static void addQuestion(Page page, String bank, String kk, String ru, String correct) {
    page.navigate(bank);
    page.selectOption("#kind", "TRUE_FALSE");
    page.fill("#body-kk", kk);
    page.fill("#body-ru", ru);
    page.fill("#correct", correct);
    page.locator("#question-form button[type=submit]").click();
    assertThat(page.content()).contains(kk).contains(ru);
  }

  private String link(UUID registration, String what) {
    return "/learning/" + registration + "/" + fx.token(registration) + "/" + what;
  }

  private static String path(String absolute) {
    return absolute.replaceFirst("^https?://[^/]+", "");
  }

  private UUID sessionOf(UUID programme) {
    return jdbc.sql("select id from session where programme_id = :p")
        .param("p", programme)
        .query(UUID.class)
        .single();
  }

  /** Moves the programme's sessions in time, as if that much time had passed. */
  private void move(UUID programme, Duration by) {
    jdbc.sql(
            "update session set starts_at = starts_at + make_interval(secs => :s),"
                + " ends_at = ends_at + make_interval(secs => :s) where programme_id = :p")
        .param("s", by.toSeconds())
        .param("p", programme)
        .update();
  }

  private static Map<String, String> recording() {
    ZoneId almaty = ZoneId.of("Asia/Almaty");
    return Map.of(
        "url",
        "https://video.example.org/rec/art19",
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
        "REGISTERED");
  }

  /** The path of the one follow-up link in the mail whose link names this registration. */
  private String followUpLinkFromMail(UUID registration) throws Exception {
    Pattern mine =
        Pattern.compile(
            "https?://[^/\\s\"<>]+(/learning/" + registration + "/[A-Za-z0-9_-]+/follow-up)");
    List<String> links = new ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      Matcher m = mine.matcher(text(mail));
      if (m.find()) {
        links.add(m.group(1));
      }
    }
    assertThat(links).as("one follow-up invitation with the delegate's link").hasSize(1);
    return links.get(0);
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
