package org.lectern.delegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.certificate.CertificateService;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A delegate's rights end to end over HTTP: they see and download everything held about them, ask
 * for erasure, confirm it from the e-mailed link, and are gone; an organiser carries out another
 * person's request. Certificates keep verifying and say why the name is missing; the audit log
 * records the erasures without naming anyone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelegateRightsIT extends IntegrationTest {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final String NAME = "Жанар Өшірілетін";
  static final String EMAIL = "zhanar.erase@rights.example";
  static final String OTHER = "Другой Участник";
  static final String OTHER_EMAIL = "other.person@rights.example";

  @Autowired Fixtures fixtures;
  @Autowired ProgrammeService programmes;
  @Autowired RegistrationService registrations;
  @Autowired CertificateService certificates;
  @Autowired PersonalDataCipher cipher;

  LecternUser organiser;
  UUID first;
  UUID second;
  UUID zhanar;
  UUID zhanarSecond;
  UUID other;
  String code;

  @BeforeAll
  void setUp() {
    organiser = fixtures.organiser("rights");
    first = programme("rights-a");
    second = programme("rights-b");
    zhanar = register(first, NAME, EMAIL);
    zhanarSecond = register(second, NAME, EMAIL);
    other = register(first, OTHER, OTHER_EMAIL);
    certificates.override(organiser, first, zhanar, "Attended in person");
    code = certificates.issueOne(organiser, first, zhanar).code();
  }

  UUID programme(String slug) {
    return programmes
        .create(
            organiser,
            null,
            ProgrammeInput.validate(
                new ProgrammeInput.Raw(
                    slug + "-" + UUID.randomUUID().toString().substring(0, 6),
                    new LocalizedText(Map.of("en", "Rights training", "ru", "Курс о правах")),
                    LocalizedText.empty(),
                    List.of("ru", "en"),
                    "Asia/Almaty",
                    BigDecimal.valueOf(2),
                    100,
                    true,
                    false)))
        .id();
  }

  UUID register(UUID programme, String name, String email) {
    var r =
        new RegistrationRequest(
            name,
            email,
            null,
            "KZ-75",
            null,
            null,
            "advocate",
            null,
            null,
            null,
            null,
            "ru",
            null,
            Map.of(),
            true,
            Map.of(),
            null);
    return registrations.register(programme, r, organiser).registration().id();
  }

  String name(UUID registration) {
    return jdbc.sql("select full_name from registration where id = :r")
        .param("r", registration)
        .query((rs, i) -> cipher.decrypt(rs.getBytes(1), "registration.fullName"))
        .single();
  }

  /** The newest mail of this kind to the address, decrypted as the sender would. */
  String mail(String kind, String email) {
    return jdbc
        .sql(
            "select recipient, body_text from mail_outbox where kind = :k order by created_at desc")
        .param("k", kind)
        .query(
            (rs, i) ->
                email.equals(cipher.decrypt(rs.getBytes(1), "mail.to"))
                    ? cipher.decrypt(rs.getBytes(2), "mail.text")
                    : null)
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " mail to " + email));
  }

  static String link(String text, String path) {
    Matcher m =
        Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "[^\\s)\"<>]+)").matcher(text);
    assertThat(m.find()).as("a link to " + path + " in " + text).isTrue();
    return m.group(1);
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  Http signedInDelegate() {
    Http http = new Http(baseUrl());
    var asked =
        http.postForm(
            "/my/sign-in", Map.of("email", EMAIL, "_csrf", csrf(http.get("/my/sign-in").body())));
    assertThat(asked.status()).isEqualTo(302);
    // The link is issued after the answer (DelegateAccess.issue): wait until the request is taken.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from delegate_sign_in_request")
                        .query(Integer.class)
                        .single()
                    == 0);
    String path = link(mail("delegate.signIn", EMAIL), "/my/sign-in/token?");
    String token = path.replaceAll(".*token=([^&]+).*", "$1");
    var in =
        http.postForm(
            "/my/sign-in/token", Map.of("token", token, "_csrf", csrf(http.get(path).body())));
    assertThat(in.status()).isEqualTo(302);
    return http;
  }

  @Test
  @Order(1)
  void aDelegateSeesDownloadsAndErasesEverything() {
    Http http = signedInDelegate();
    var page = http.get("/my/data?lang=en");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(NAME, EMAIL, code, "Certificates", "E-mails sent to you")
        .doesNotContain(OTHER);
    // Read in their language: statuses, mail kinds, region, profession and times by name, not
    // stored codes.
    String ru = http.get("/my/data?lang=ru").body();
    assertThat(ru)
        .contains("Подтверждена", "Алматы", "Адвокат", "Действителен", "(UTC, UTC+00:00)")
        .contains(">Ссылка для входа<")
        .doesNotContain(">CONFIRMED<", ">KZ-75<", ">advocate<", ">VALID<", ">delegate.signIn<");
    assertThat(ru).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    var json = http.get("/my/data.json");
    assertThat(json.status()).isEqualTo(200);
    var held = json.json().get("held");
    assertThat(held.get("registrations")).hasSize(2);
    assertThat(held.get("registrations").get(0).get("fullName").asString()).isEqualTo(NAME);
    assertThat(held.get("certificates").get(0).get("code").asString()).isEqualTo(code);
    assertThat(held.get("mails").size()).isGreaterThanOrEqualTo(1);
    assertThat(json.body()).doesNotContain(OTHER_EMAIL).doesNotContain("/my/sign-in/token");

    var asked = http.postForm("/my/erasure", Map.of("_csrf", csrf(http.get("/my").body())));
    assertThat(asked.status()).isEqualTo(302);
    assertThat(asked.header("Location")).endsWith("/my?done=erasureRequested");
    String text = mail("delegate.erasureConfirm", EMAIL);
    assertThat(text).doesNotContain("Lectern").doesNotContain("Rights training");
    String path = link(text, "/my/erasure/confirm?");

    // Opened from the mail app, without a session: a page with a button, nothing erased yet.
    Http fromMail = new Http(baseUrl());
    var confirm = fromMail.get(path);
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body()).contains("name=\"token\"").contains("Удалить мои данные сейчас");
    assertThat(name(zhanar)).isEqualTo(NAME);
    String token = path.replaceAll(".*token=([^&]+).*", "$1");
    var done =
        fromMail.postForm(
            "/my/erasure/confirm", Map.of("token", token, "_csrf", csrf(confirm.body())));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("id=\"erased\"");

    assertThat(name(zhanar)).isEmpty();
    assertThat(name(zhanarSecond)).isEmpty();
    assertThat(name(other)).isEqualTo(OTHER);
    assertThat(
            jdbc.sql(
                    "select count(*) from registration where id in (:a, :b)"
                        + " and email_index like 'removed:%'")
                .param("a", zhanar)
                .param("b", zhanarSecond)
                .query(Long.class)
                .single())
        .isEqualTo(2);
    // The link works once, and the delegate's session is over.
    assertThat(fromMail.get(path).body()).contains("id=\"invalid\"");
    var again =
        fromMail.postForm(
            "/my/erasure/confirm",
            Map.of("token", token, "_csrf", csrf(fromMail.get("/my/sign-in").body())));
    assertThat(again.body()).contains("id=\"invalid\"");
    assertThat(http.get("/my").status()).isEqualTo(302);

    var verified = new Http(baseUrl()).get("/verify/" + code);
    assertThat(verified.body())
        .doesNotContain(NAME)
        .contains("data-removed=\"ERASURE\"")
        .contains("removed at their request");
    assertThat(
            jdbc.sql("select count from audit_entry where action = 'delegate.erased'")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertNoAuditEntryNames(NAME, EMAIL);
  }

  @Test
  @Order(2)
  void anOrganiserCarriesOutAPersonsRequest() {
    Http web = new Http(baseUrl());
    signIn(web, organiser);
    assertThat(web.get("/admin/programmes/" + first + "/registrations").body())
        .contains("/admin/registrations/" + other + "/erase");
    // The region by its name, not its code; the times' zone named in their column.
    assertThat(web.get("/admin/programmes/" + first + "/registrations?lang=ru").body())
        .contains("<td>Алматы</td>", "(Asia/Almaty")
        .doesNotContain("<td>KZ-75</td>");
    web.get("/admin/programmes/" + first + "/registrations?lang=en");
    var page = web.get("/admin/registrations/" + other + "/erase");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("It reaches 1 registration(s)");
    var done =
        web.postForm(
            "/admin/registrations/" + other + "/erase", Map.of("_csrf", csrf(page.body())));
    assertThat(done.status()).isEqualTo(302);
    assertThat(web.get(done.header("Location")).body()).contains("id=\"erased\"");
    assertThat(name(other)).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from audit_entry where action = 'registration.erased'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertNoAuditEntryNames(OTHER, OTHER_EMAIL);

    Http stranger = new Http(baseUrl());
    signIn(stranger, fixtures.organiser("stranger"));
    assertThat(stranger.get("/admin/registrations/" + zhanar + "/erase").status()).isEqualTo(404);
    assertThat(
            stranger
                .postForm(
                    "/admin/registrations/" + zhanar + "/erase",
                    Map.of("_csrf", csrf(stranger.get("/admin").body())))
                .status())
        .isEqualTo(404);
  }

  void assertNoAuditEntryNames(String name, String email) {
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where concat_ws('|', actor_label, subject_id,"
                        + " details) ilike :n or concat_ws('|', actor_label, subject_id, details)"
                        + " ilike :e")
                .param("n", "%" + name + "%")
                .param("e", "%" + email + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  static void signIn(Http http, LecternUser user) {
    var r =
        http.postForm(
            "/login",
            Map.of(
                "email",
                user.email(),
                "password",
                Fixtures.PASSWORD,
                "_csrf",
                csrf(http.get("/login").body())));
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("Location")).doesNotContain("error");
  }
}
