package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lectern.support.OptInMailbox;

/** The public form over HTTP, as a phone without JavaScript would use it. */
class RegistrationFormIT extends OrganisationIT {

  static final AtomicInteger ADDRESS = new AtomicInteger(1);
  static final String CHECK_INBOX = "/register/check-inbox";

  @Test
  void registersAndShowsTheWaitlistPositionInRussian() throws Exception {
    UUID p = fx.programme(org, 1, true, false);
    var browser = new Browser("ru");
    assertThat(browser.get("/programmes/" + fx.slug(p)).body())
        .contains("/programmes/" + fx.slug(p) + "/register", "Зарегистрироваться");
    var first = browser.submit(p, Map.of("fullName", "Ерлан", "email", "erlan@example.kz"));
    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith(CHECK_INBOX);
    assertThat(browser.get("/programmes/" + fx.slug(p) + CHECK_INBOX).body())
        .contains("Проверьте почту");
    var second =
        new Browser("ru")
            .submit(
                p, Map.of("fullName", "Гульнар", "email", "gulnar@example.kz", "region", "KZ-75"));
    assertThat(second.statusCode()).isEqualTo(303);
    // Nothing counts until the address's holder follows the link in the mail.
    assertThat(fx.count(p)).isZero();
    mailbox.confirm(baseUrl(), "erlan@example.kz");
    var pressed = OptInMailbox.follow(baseUrl(), mailbox.confirmPath("gulnar@example.kz"));
    assertThat(pressed.status()).isEqualTo(303);
    var done = browser.get(pressed.header("Location").replace(baseUrl(), ""));
    assertThat(done.body()).contains("листе ожидания под номером 1");
    assertThat(fx.count(p)).isEqualTo(2);
  }

  @Test
  void invalidInputGivesFieldErrorsInKazakhEscapedAndSavesNothing() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    UUID q = UUID.randomUUID();
    jdbc.sql(
            "insert into registration_question (id, programme_id, kind, label, required) values "
                + "(:id, :p, 'YES_NO', '{\"en\":\"Attended 2019?\",\"kk\":\"2019 жылы қатыстыңыз ба?\"}', "
                + "true)")
        .param("id", q)
        .param("p", p)
        .update();
    var r =
        new Browser("kk")
            .submit(p, Map.of("fullName", "<script>alert(1)</script>", "email", "not an email"));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body())
        .contains(
            "Дұрыс электрондық пошта", "Бұл өрісті толтыру міндетті", "2019 жылы қатыстыңыз ба?")
        .contains("&lt;script")
        .doesNotContain("<script>alert(1)");
    assertThat(fx.count(p)).isZero();
  }

  @Test
  void regionsAreListedInKazakhAlphabeticalOrder() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    String body = new Browser("kk").get("/programmes/" + fx.slug(p) + "/register").body();
    int abai = body.indexOf(">Абай облысы<");
    int ulytau = body.indexOf(">Ұлытау облысы<");
    assertThat(abai).isPositive();
    assertThat(ulytau).isGreaterThan(abai);
  }

  @Test
  void honeypotPretendsSuccessAndStoresNothing() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    var r =
        new Browser("en")
            .submit(
                p,
                Map.of(
                    "fullName",
                    "Bot",
                    "email",
                    "bot@spam.example",
                    "website",
                    "http://spam.example"));
    // The same answer as for a person, and nothing stored, not even a request or a mail.
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith(CHECK_INBOX);
    assertThat(fx.count(p)).isZero();
    assertThat(
            jdbc.sql("select count(*) from registration_request where programme_id = :p")
                .param("p", p)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(mailbox.all("bot@spam.example")).isEmpty();
  }

  @Test
  void closedProgrammeSaysSoInKazakhAndRefusesSubmissions() throws Exception {
    UUID p = fx.programme(org, 10, true, false, true);
    fx.session(p, Instant.now().minus(3, ChronoUnit.DAYS), "ONLINE", null);
    var browser = new Browser("kk");
    assertThat(browser.get("/programmes/" + fx.slug(p) + "/register").body())
        .contains("Бұл бағдарламаға тіркелу жабық.");
    // The closed page has no form; take the session's CSRF token from an open one.
    UUID open = fx.programme(org, 10, true, false);
    var r =
        browser.submit(
            p, Map.of("fullName", "Late", "email", "late@example.kz", "language", "kk"), open);
    // The answer is the usual one; the mail says that registration is closed.
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith(CHECK_INBOX);
    var mail = mailbox.await("late@example.kz", 1);
    assertThat(mail.kind()).isEqualTo("closed");
    assertThat(mail.text()).contains("тіркелу жабық");
    assertThat(fx.count(p)).isZero();
  }

  @Test
  void fullWithoutWaitlistSaysSoInRussianAndKazakh() throws Exception {
    UUID p = fx.programme(org, 1, false, false);
    new Browser("ru").submit(p, Map.of("fullName", "First", "email", "first@example.kz"));
    mailbox.confirm(baseUrl(), "first@example.kz");
    var ru =
        new Browser("ru")
            .submit(p, Map.of("fullName", "Second", "email", "s@example.kz", "language", "ru"));
    assertThat(ru.statusCode()).isEqualTo(303);
    assertThat(mailbox.await("s@example.kz", 1).text()).contains("все места заняты");
    var kk =
        new Browser("kk")
            .submit(p, Map.of("fullName", "Third", "email", "t@example.kz", "language", "kk"));
    assertThat(kk.statusCode()).isEqualTo(303);
    assertThat(mailbox.await("t@example.kz", 1).text()).contains("барлық орын толы");
    assertThat(fx.count(p)).isEqualTo(1);
  }

  @Test
  void tooManySubmissionsForOneAddressGet429InKazakh() throws Exception {
    UUID p = fx.programme(org, 100, true, false);
    HttpResponse<String> last = null;
    for (int i = 0; i < 11; i++) {
      last = new Browser("kk").submit(p, Map.of("fullName", "Spam", "email", "same@example.kz"));
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.body()).contains("Қысқа уақытта тым көп тіркеу");
  }

  @Test
  void oddValuesInAnyFieldAreRefusedNextToTheFieldInRussianAndSaveNothing() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    String[][] odd = {
      {"language", "zz\u0000<script>"},
      {"language", "   "},
      {"region", "   "},
      {"region", "KZ-\u202e99"},
      {"yearsBand", "9999999999999999999999"},
      {"gender", "female"},
      {"licenceNumber", "123"},
      {"q." + UUID.randomUUID(), "yes"},
      {"q.not-a-question", "yes"},
      {"attend.not-a-session", "ROOM"},
      {"attend." + UUID.randomUUID(), "ROOM"},
      {"email", "a@b.c\u0000"},
      {"fullName", "x".repeat(100_000)},
      {"language", "\ud800"},
      {"region", "A".repeat(1_000_000)},
      {"language", "Ә".repeat(100_001)},
      // Longer than a form may be (2 MB): refused before any field is read.
      {"accessibility", "Ә".repeat(400_000)},
    };
    for (String[] field : odd) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("fullName", "Ерлан Нурланов");
      fields.put("email", "odd-" + UUID.randomUUID() + "@example.kz");
      fields.put("consent", "on");
      fields.put(field[0], field[1]);
      var r = new Browser("ru").submit(p, fields);
      String what = field[0] + "=" + field[1].substring(0, Math.min(20, field[1].length()));
      assertThat(r.statusCode()).as(what).isIn(303, 413, 422);
      if (r.statusCode() == 413) {
        assertThat(r.body()).as(what).contains("Отправленный текст слишком длинный");
      }
      if (r.statusCode() == 422) {
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
            .as(what)
            .startsWith("text/html");
        // Named in the summary at the top (a field the form does not show) or next to the field.
        assertThat(r.body()).as(what).contains("id=\"error-summary\"", "Пожалуйста, исправьте");
      }
    }
    assertThat(fx.count(p)).isZero();
  }

  /** A cookie-keeping client with its own (forwarded) address and language. */
  @Test
  void registeringAnAddressAgainRevealsNothingAboutTheFirstRegistration() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    var first =
        new Browser("en").submit(p, Map.of("fullName", "Асель", "email", "asel@example.kz"));
    assertThat(first.statusCode()).isEqualTo(303);
    mailbox.confirm(baseUrl(), "asel@example.kz");
    var again =
        new Browser("en").submit(p, Map.of("fullName", "Someone Else", "email", "ASEL@example.kz"));
    assertThat(again.statusCode()).isEqualTo(first.statusCode());
    assertThat(again.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(again.body()).isEqualTo(first.body());
    // Only the address's holder learns it: by mail, with no link that registers anything.
    assertThat(mailbox.await("asel@example.kz", 2).kind()).isEqualTo("alreadyRegistered");
    assertThat(fx.count(p)).isEqualTo(1);
  }

  class Browser {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    final String lang;
    final String address = "10.0.0." + ADDRESS.getAndIncrement();

    Browser(String lang) {
      this.lang = lang;
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(base(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> submit(UUID programme, Map<String, String> fields) throws Exception {
      return submit(programme, fields, programme);
    }

    HttpResponse<String> submit(UUID programme, Map<String, String> fields, UUID tokenFrom)
        throws Exception {
      String path = "/programmes/" + fx.slug(programme) + "/register";
      var m =
          Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
              .matcher(get("/programmes/" + fx.slug(tokenFrom) + "/register").body());
      Map<String, String> all = new LinkedHashMap<>(fields);
      if (m.find()) {
        all.put("_csrf", m.group(1));
      }
      String form =
          all.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return http.send(
          base(path)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder base(String path) {
      return HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Accept-Language", lang)
          .header("X-Forwarded-For", address);
    }
  }
}
