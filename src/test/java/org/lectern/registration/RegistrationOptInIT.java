package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lectern.support.FormClient;
import org.lectern.support.Http;
import org.lectern.support.OptInMailbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Double opt-in: the public form and API answer the same for every address and state, the e-mail
 * alone tells what happened, and only following its link registers.
 */
class RegistrationOptInIT extends OrganisationIT {

  static final AtomicInteger ADDRESS = new AtomicInteger(1);

  @Autowired RegistrationService service;
  @Autowired RegistrationAdminService office;
  @Autowired RequestRepository requests;

  /** One programme per state the address or the programme can be in. */
  record States(UUID waitlisted, UUID full, UUID closed) {}

  States states(String tag) {
    // One seat and a waitlist: taken, someone waiting, someone who cancelled.
    UUID a = fx.programme(org, 1, true, false);
    byOrganiser(a, "taken-" + tag + "@example.kz");
    byOrganiser(a, "waiting-" + tag + "@example.kz");
    var cancelled = byOrganiser(a, "cancelled-" + tag + "@example.kz");
    office.cancel(organiser, cancelled.id());
    // One seat, taken, no waitlist: full.
    UUID b = fx.programme(org, 1, false, false);
    byOrganiser(b, "seated-" + tag + "@example.kz");
    // Registration closed: the only session is over.
    UUID c = fx.programme(org, 10, true, false, true);
    fx.session(c, Instant.now().minus(3, ChronoUnit.DAYS), "ONLINE", null);
    return new States(a, b, c);
  }

  Registration byOrganiser(UUID p, String email) {
    return service
        .register(p, RegistrationRequest.minimal("Делегат", email, "ru"), organiser)
        .registration();
  }

  /** Every case: the programme and the address submitted. */
  Map<String, Object[]> cases(States s, String tag) {
    Map<String, Object[]> m = new LinkedHashMap<>();
    m.put("new", new Object[] {s.waitlisted(), "new-" + tag + "@example.kz"});
    m.put("confirmed", new Object[] {s.waitlisted(), "taken-" + tag + "@example.kz"});
    m.put("waitlisted", new Object[] {s.waitlisted(), "WAITING-" + tag + "@example.kz"});
    m.put("cancelled", new Object[] {s.waitlisted(), "cancelled-" + tag + "@example.kz"});
    m.put("full, new address", new Object[] {s.full(), "late-" + tag + "@example.kz"});
    m.put("full, registered", new Object[] {s.full(), "seated-" + tag + "@example.kz"});
    m.put("closed", new Object[] {s.closed(), "closed-" + tag + "@example.kz"});
    return m;
  }

  @Test
  void theFormAnswersByteForByteTheSameInEveryState() {
    States s = states("web");
    Map<String, String> answers = new LinkedHashMap<>();
    cases(s, "web")
        .forEach((name, c) -> answers.put(name, formAnswer((UUID) c[0], (String) c[1], "ru")));
    String first = answers.values().iterator().next();
    assertThat(first).startsWith("303 /programmes/{slug}/register/check-inbox");
    assertThat(first).contains("Проверьте почту");
    answers.forEach((name, a) -> assertThat(a).as(name).isEqualTo(first));
    // Nothing registered by a submission, not even for the new address.
    assertThat(fx.count(s.waitlisted())).isEqualTo(3);
    assertThat(fx.count(s.full())).isEqualTo(1);
    assertThat(fx.count(s.closed())).isZero();
  }

  @Test
  void theApiAnswersByteForByteTheSameInEveryState() {
    States s = states("api");
    Map<String, String> answers = new LinkedHashMap<>();
    cases(s, "api").forEach((name, c) -> answers.put(name, apiAnswer((UUID) c[0], (String) c[1])));
    String first = answers.values().iterator().next();
    assertThat(first)
        .isEqualTo("202 location=null type=application/json {\"status\":\"RECEIVED\"}");
    answers.forEach((name, a) -> assertThat(a).as(name).isEqualTo(first));
    assertThat(fx.count(s.waitlisted())).isEqualTo(3);
  }

  @Test
  void eachCaseIsToldOnlyByMailInKazakhAndRussian() {
    States s = states("mail");
    Map<String, Object[]> cases = cases(s, "mail");
    Map<String, String> expectedKind =
        Map.of(
            "new", "confirm",
            "confirmed", "alreadyRegistered",
            "waitlisted", "alreadyRegistered",
            "cancelled", "confirm",
            "full, new address", "full",
            "full, registered", "alreadyRegistered",
            "closed", "closed");
    Map<String, String> kk =
        Map.of(
            "confirm", "Тіркелуіңізді растаңыз",
            "alreadyRegistered", "бұрыннан тіркелген",
            "full", "барлық орын толы және күту тізімі жоқ",
            "closed", "тіркелу жабық");
    Map<String, String> ru =
        Map.of(
            "confirm", "Подтвердите регистрацию",
            "alreadyRegistered", "уже зарегистрирован",
            "full", "все места заняты, а листа ожидания нет",
            "closed", "регистрация закрыта");
    int i = 0;
    for (var e : cases.entrySet()) {
      String lang = i++ % 2 == 0 ? "kk" : "ru";
      UUID p = (UUID) e.getValue()[0];
      String email = (String) e.getValue()[1];
      var r =
          new Http(baseUrl())
              .postJson(
                  "/api/v1/programmes/" + p + "/registrations",
                  Http.map("email", email, "fullName", "Әлия", "language", lang, "consent", true),
                  "X-Forwarded-For",
                  nextAddress());
      assertThat(r.status()).isEqualTo(202);
      var mail = mailbox.await(email, 1);
      String kind = expectedKind.get(e.getKey());
      assertThat(mail.kind()).as(e.getKey()).isEqualTo(kind);
      assertThat(mail.language()).isEqualTo(lang);
      String words = mail.subject() + "\n" + mail.text();
      assertThat(words).as(e.getKey()).contains((lang.equals("kk") ? kk : ru).get(kind));
      // The name typed on the form is not repeated to the address: whoever typed it may be anyone.
      assertThat(words).doesNotContain("Әлия");
      if (kind.equals("confirm")) {
        assertThat(words).contains("/register/confirm?token=");
      } else {
        assertThat(words).doesNotContain("token=");
      }
      if (kind.equals("alreadyRegistered")) {
        assertThat(words).contains("/my/sign-in");
      }
    }
    // Only hashes of the link tokens are stored.
    String path = mailbox.confirmPath("new-mail@example.kz");
    String token = path.substring(path.indexOf("token=") + 6);
    assertThat(
            jdbc.sql("select count(*) from registration_request where token_hash = :t")
                .param("t", token)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from registration_request where token_hash is not null")
                .query(Integer.class)
                .single())
        .isPositive();
  }

  @Test
  void followingTheLinkRegistersOnceAndOpeningItDoesNot() {
    UUID p = fx.programme(org, 10, true, false);
    String email = "click@example.kz";
    assertThat(apiAnswer(p, email)).startsWith("202");
    String path = mailbox.confirmPath(email);
    // Opening the link (what a mail scanner does) shows a button and registers nothing.
    var opened = new Http(baseUrl()).get(path + "&lang=kk");
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.body()).contains("Тіркелуімді растау").contains("method=\"post\"");
    assertThat(fx.count(p)).isZero();
    // Pressing it registers; pressing again (a double click, another tab) lands on the same one.
    var first = OptInMailbox.follow(baseUrl(), path);
    var again = OptInMailbox.follow(baseUrl(), path);
    assertThat(first.status()).isEqualTo(303);
    assertThat(again.status()).isEqualTo(303);
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(1);
    var done = new Http(baseUrl()).get(first.header("Location") + "&lang=en");
    assertThat(done.body()).contains("Your registration is confirmed");
    // The request keeps no personal data once it became a registration.
    assertThat(
            jdbc.sql(
                    "select count(*) from registration_request where programme_id = :p "
                        + "and entry is null and registration_id is not null")
                .param("p", p)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void expiredUnknownAndForeignLinksAreRefusedClearly() {
    UUID p = fx.programme(org, 10, true, false);
    UUID other = fx.programme(org, 10, true, false);
    apiAnswer(p, "late.click@example.kz");
    String path = mailbox.confirmPath("late.click@example.kz");
    // Another programme's address with this token: not found.
    String foreign = path.replace(fx.slug(p), fx.slug(other));
    var wrong = new Http(baseUrl()).get(foreign + "&lang=ru");
    assertThat(wrong.status()).isEqualTo(404);
    assertThat(wrong.body()).contains("Эта ссылка недействительна");
    var unknown = new Http(baseUrl()).get(path + "x&lang=en");
    assertThat(unknown.status()).isEqualTo(404);
    // No token at all: the same page; no programme of that address: not found.
    var none = new Http(baseUrl()).get("/programmes/" + fx.slug(p) + "/register/confirm?lang=ru");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.body()).contains("Эта ссылка недействительна");
    var noProgramme =
        new Http(baseUrl()).get(path.replace(fx.slug(p), "no-such-programme") + "&lang=ru");
    assertThat(noProgramme.status()).isEqualTo(404);
    // Expired: refused, also when the button of a page opened earlier is pressed.
    Http person = new Http(baseUrl());
    var page = person.get(path + "&lang=kk");
    jdbc.sql("update registration_request set expires_at = :t where programme_id = :p")
        .param("t", Timestamp.from(Instant.now().minusSeconds(1)))
        .param("p", p)
        .update();
    var expired = new Http(baseUrl()).get(path + "&lang=kk");
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("Бұл сілтеменің мерзімі өтті");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    var pressed =
        person.postForm(
            "/programmes/" + fx.slug(p) + "/register/confirm?lang=kk",
            Map.of("_csrf", csrf.group(1), "token", path.substring(path.indexOf("token=") + 6)));
    assertThat(pressed.status()).isEqualTo(410);
    assertThat(fx.count(p)).isZero();
    // The cleanup job deletes it, personal data and all; the link is then simply unknown.
    assertThat(requests.deleteExpired(Instant.now())).isPositive();
    assertThat(
            jdbc.sql("select count(*) from registration_request where programme_id = :p")
                .param("p", p)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(new Http(baseUrl()).get(path).status()).isEqualTo(404);
  }

  @Test
  void aFullProgrammeAtConfirmationTimeIsSaidOnThePage() {
    UUID p = fx.programme(org, 1, false, false);
    apiAnswer(p, "slow@example.kz");
    String path = mailbox.confirmPath("slow@example.kz");
    byOrganiser(p, "quick@example.kz");
    var pressed = OptInMailbox.follow(baseUrl(), path);
    assertThat(pressed.status()).isEqualTo(409);
    assertThat(pressed.body()).contains("This programme is full, and it has no waiting list.");
    assertThat(fx.count(p)).isEqualTo(1);
  }

  /**
   * The confirmation reads the request and whether the form is open in one statement (issue 16): a
   * form the organiser closed, or whose last session has begun, after the link was mailed refuses
   * the button with the closed page; a link already followed still leads to its registration; a
   * settings row that does not exist means open.
   */
  @Test
  void aFormClosedAfterTheMailIsSaidOnThePageAndAFollowedLinkStillLeadsToItsRegistration() {
    // Closed by the organiser (settings row written by the registration settings).
    UUID shut = fx.programme(org, 10, true, false);
    apiAnswer(shut, "shut.early@example.kz");
    apiAnswer(shut, "shut.late@example.kz");
    String early = mailbox.confirmPath("shut.early@example.kz");
    String late = mailbox.confirmPath("shut.late@example.kz");
    var followed = OptInMailbox.follow(baseUrl(), early);
    assertThat(followed.status()).isEqualTo(303);
    jdbc.sql(
            "insert into registration_settings (programme_id, open) values (:p, false) "
                + "on conflict (programme_id) do update set open = false")
        .param("p", shut)
        .update();
    var refused = OptInMailbox.follow(baseUrl(), late);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("Registration for this programme is closed.");
    var again = OptInMailbox.follow(baseUrl(), early);
    assertThat(again.status()).isEqualTo(303);
    assertThat(again.header("Location")).isEqualTo(followed.header("Location"));
    assertThat(fx.count(shut)).isEqualTo(1);
    // No session to come any more (its only session was moved into the past); no settings row.
    UUID over = fx.programme(org, 10, true, false);
    apiAnswer(over, "over@example.kz");
    String path = mailbox.confirmPath("over@example.kz");
    assertThat(
            jdbc.sql("select count(*) from registration_settings where programme_id = :p")
                .param("p", over)
                .query(Integer.class)
                .single())
        .isZero();
    jdbc.sql("update session set starts_at = now() - interval '1 day' where programme_id = :p")
        .param("p", over)
        .update();
    var past = OptInMailbox.follow(baseUrl(), path);
    assertThat(past.status()).isEqualTo(409);
    assertThat(past.body()).contains("Registration for this programme is closed.");
    assertThat(fx.count(over)).isZero();
    // The session back in the future: the same link now registers.
    jdbc.sql("update session set starts_at = now() + interval '30 days' where programme_id = :p")
        .param("p", over)
        .update();
    assertThat(OptInMailbox.follow(baseUrl(), path).status()).isEqualTo(303);
    assertThat(fx.count(over, "CONFIRMED")).isEqualTo(1);
  }

  @Test
  void switchedOffTheFormRegistersDirectlyAndTheApiStillAnswersTheSame() {
    UUID p = fx.programme(org, 10, true, false);
    Http office = new Http(baseUrl());
    String page = signIn(office).get("/admin/programmes/" + p + "/registration-settings").body();
    assertThat(page).contains("anyone can then put someone else's address on your list");
    var saved =
        office.postForm(
            "/admin/programmes/" + p + "/registration-settings/opt-in",
            Map.of("_csrf", FormClient.csrfToken(page)));
    assertThat(saved.status()).isEqualTo(302);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'registration.optInOff' "
                        + "and subject_id = :p")
                .param("p", p.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // The form: the old direct behaviour, straight to the outcome page.
    String web = formAnswer(p, "direct@example.kz", "en");
    assertThat(web).startsWith("303 /programmes/{slug}/register/done/");
    assertThat(fx.count(p, "CONFIRMED")).isEqualTo(1);
    // The anonymous API: the same 202 for a new and a registered address; the mail step enrols.
    assertThat(apiAnswer(p, "direct@example.kz")).isEqualTo(apiAnswer(p, "api.direct@example.kz"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> fx.count(p, "CONFIRMED") == 2);
    assertThat(mailbox.await("direct@example.kz", 1).kind()).isEqualTo("alreadyRegistered");
  }

  @Test
  void organisersStillGetTheRegistrationAndItsStatus() {
    UUID p = fx.programme(org, 1, true, false);
    String token = fx.token(organiser);
    var http = new Http(baseUrl());
    var created =
        http.postJson(
            "/api/v1/programmes/" + p + "/registrations",
            Http.map("email", "org.added@example.kz", "fullName", "Added", "consent", true),
            "Authorization",
            "Bearer " + token);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(created.header("Location")).contains(created.json().get("id").asString());
    var again =
        http.postJson(
            "/api/v1/programmes/" + p + "/registrations",
            Http.map("email", "ORG.added@example.kz", "fullName", "Added", "consent", true),
            "Authorization",
            "Bearer " + token);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(created.json().get("id").asString());
    var second =
        http.postJson(
            "/api/v1/programmes/" + p + "/registrations",
            Http.map("email", "org.second@example.kz", "fullName", "Second", "consent", true),
            "Authorization",
            "Bearer " + token);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("status").asString()).isEqualTo("WAITLISTED");
  }

  // --- helpers

  String formAnswer(UUID p, String email, String lang) {
    Http browser = new Http(baseUrl());
    String address = nextAddress();
    String slug = fx.slug(p);
    var form =
        browser.get(
            "/programmes/" + slug + "/register",
            "Accept-Language",
            lang,
            "X-Forwarded-For",
            address);
    // A closed programme's page has no form: the session's token is on every form, e.g. sign-in.
    String csrf =
        form.body().contains("name=\"_csrf\"")
            ? FormClient.csrfToken(form.body())
            : FormClient.csrfToken(browser.get("/login").body());
    var posted =
        browser.postForm(
            "/programmes/" + slug + "/register",
            Map.of(
                "_csrf",
                csrf,
                "fullName",
                "Делегат",
                "email",
                email,
                "language",
                lang,
                "region",
                "KZ-75"),
            "Accept-Language",
            lang,
            "X-Forwarded-For",
            address);
    String location = posted.header("Location");
    String shown = "";
    if (location != null && posted.status() == 303) {
      shown = browser.get(location.replace(baseUrl(), ""), "Accept-Language", lang).body();
    }
    return (posted.status()
            + " "
            + (location == null ? "" : location.replace(baseUrl(), ""))
            + " "
            + posted.body()
            + " "
            + shown)
        .replace(slug, "{slug}")
        .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
        .replaceAll("nonce=\"[^\"]*\"", "");
  }

  String apiAnswer(UUID p, String email) {
    var r =
        new Http(baseUrl())
            .postJson(
                "/api/v1/programmes/" + p + "/registrations",
                Http.map("email", email, "fullName", "Делегат", "language", "ru", "consent", true),
                "X-Forwarded-For",
                nextAddress());
    return r.status()
        + " location="
        + r.header("Location")
        + " type="
        + r.header("Content-Type")
        + " "
        + r.body();
  }

  static String nextAddress() {
    return "10.2.0." + ADDRESS.getAndIncrement();
  }

  Http signIn(Http http) {
    String login = http.get("/login").body();
    var r =
        http.postForm(
            "/login",
            Map.of(
                "email",
                organiser.email(),
                "password",
                "a-long-password-123",
                "_csrf",
                FormClient.csrfToken(login)));
    assertThat(r.status()).isEqualTo(302);
    return http;
  }

  static List<String> list(String... s) {
    return new ArrayList<>(List.of(s));
  }
}
