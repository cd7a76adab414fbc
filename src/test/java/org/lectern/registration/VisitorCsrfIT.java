package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.support.FormClient;
import org.lectern.support.Http;
import org.lectern.support.OptInMailbox;

/**
 * Anonymous visitors' forms carry a token bound to a cookie, not to a database session (ADR 0028):
 * the public registration and its confirmation write no session row, and a forged POST is still
 * refused on every public form. Signed-in people keep their session's token.
 */
class VisitorCsrfIT extends OrganisationIT {

  static final AtomicInteger ADDRESS = new AtomicInteger(1);

  UUID programme;
  String slug;
  UUID forged;
  String forgedSlug;

  @BeforeAll
  void setUp() {
    programme = fx.programme(org, 50, true, false);
    slug = fx.slug(programme);
    forged = fx.programme(org, 50, true, false);
    forgedSlug = fx.slug(forged);
  }

  /** Every public form a visitor without a session can post, with what a person would send. */
  List<String[]> publicForms() {
    List<String[]> forms = new ArrayList<>();
    forms.add(
        new String[] {"/programmes/" + slug + "/register", "/programmes/" + slug + "/register"});
    forms.add(
        new String[] {
          "/programmes/" + slug + "/register/confirm", "/programmes/" + slug + "/register"
        });
    forms.add(new String[] {"/login", "/login"});
    forms.add(new String[] {"/login/forgot", "/login"});
    forms.add(new String[] {"/login/passkey/options", "/login"});
    forms.add(new String[] {"/verify", "/login"});
    forms.add(new String[] {"/my/sign-in", "/my/sign-in"});
    forms.add(new String[] {"/my/erasure/confirm", "/my/sign-in"});
    forms.add(new String[] {"/password-reset/" + "x".repeat(43), "/login"});
    forms.add(new String[] {"/invitation/" + "x".repeat(43), "/login"});
    return forms;
  }

  Map<String, String> fields(String csrf) {
    var m = new java.util.HashMap<String, String>();
    m.put("fullName", "Делегат");
    m.put("email", "forged-" + ADDRESS.getAndIncrement() + "@example.kz");
    m.put("language", "ru");
    m.put("password", "a-long-password-123");
    m.put("token", "x".repeat(43));
    if (csrf != null) {
      m.put("_csrf", csrf);
    }
    return m;
  }

  String address() {
    return "10.7.0." + ADDRESS.getAndIncrement();
  }

  @Test
  void aForgedPostIsRefusedOnEveryPublicForm() {
    for (String[] f : publicForms()) {
      String xff = address();
      // Another site's form: no cookie, no token.
      var blind = new Http(baseUrl()).postForm(f[0], fields(null), "X-Forwarded-For", xff);
      assertThat(blind.status()).as("no token: " + f[0]).isEqualTo(403);
      // The victim's browser sends its cookie; the forger cannot read it, so the field is missing.
      Http victim = new Http(baseUrl());
      String victimsToken = FormClient.csrfToken(victim.get(f[1], "X-Forwarded-For", xff).body());
      assertThat(victim.postForm(f[0], fields(null), "X-Forwarded-For", xff).status())
          .as("cookie without the field: " + f[0])
          .isEqualTo(403);
      // The forger's own valid token does not match the victim's cookie.
      String forgersToken =
          FormClient.csrfToken(new Http(baseUrl()).get(f[1], "X-Forwarded-For", xff).body());
      assertThat(victim.postForm(f[0], fields(forgersToken), "X-Forwarded-For", xff).status())
          .as("another visitor's token: " + f[0])
          .isEqualTo(403);
      assertThat(victimsToken).isNotEqualTo(forgersToken);
    }
    // Nothing got through: no submission waits for its mail, nobody registered.
    assertThat(
            jdbc.sql("select count(*) from registration_request where programme_id = :p")
                .param("p", forged)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(fx.count(forged)).isZero();
  }

  @Test
  void theWholePublicPathWritesNoSessionRow() {
    int before = sessionRows();
    Http visitor = new Http(baseUrl());
    List<String> cookies = new ArrayList<>();
    String xff = address();
    var form = visitor.get("/programmes/" + slug + "/register?lang=ru", "X-Forwarded-For", xff);
    cookies.addAll(form.headers().allValues("Set-Cookie"));
    String email = "no-session-" + ADDRESS.getAndIncrement() + "@example.kz";
    var posted =
        visitor.postForm(
            "/programmes/" + slug + "/register",
            Map.of(
                "_csrf",
                FormClient.csrfToken(form.body()),
                "fullName",
                "Делегат",
                "email",
                email,
                "language",
                "ru",
                "region",
                "KZ-75"),
            "X-Forwarded-For",
            xff);
    assertThat(posted.status()).isEqualTo(303);
    cookies.addAll(posted.headers().allValues("Set-Cookie"));
    String path = new OptInMailbox(jdbc, cipher).confirmPath(email);
    var page = visitor.get(path);
    assertThat(page.status()).isEqualTo(200);
    cookies.addAll(page.headers().allValues("Set-Cookie"));
    var pressed =
        visitor.postForm(
            path.substring(0, path.indexOf('?')),
            Map.of(
                "_csrf",
                FormClient.csrfToken(page.body()),
                "token",
                path.substring(path.indexOf("=") + 1)));
    assertThat(pressed.status()).as(pressed.body()).isEqualTo(303);
    cookies.addAll(pressed.headers().allValues("Set-Cookie"));
    var done = visitor.get(pressed.header("Location").replace(baseUrl(), ""));
    assertThat(done.status()).isEqualTo(200);
    cookies.addAll(done.headers().allValues("Set-Cookie"));

    assertThat(fx.count(programme, "CONFIRMED")).isEqualTo(1);
    assertThat(cookies).noneMatch(c -> c.startsWith("SESSION="));
    assertThat(cookies)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("lectern-csrf=")
                    .contains("Path=/")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict"));
    assertThat(sessionRows()).isEqualTo(before);
  }

  @Test
  void signedInPeopleKeepTheirSessionsToken() {
    Http office = new Http(baseUrl());
    var login = office.get("/login");
    assertThat(login.headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("lectern-csrf="));
    var signedIn =
        office.postForm(
            "/login",
            Map.of(
                "email",
                organiser.email(),
                "password",
                "a-long-password-123",
                "_csrf",
                FormClient.csrfToken(login.body())));
    assertThat(signedIn.status()).isEqualTo(302);
    // Signing in drops the visitor's cookie token; the session holds the next one.
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("lectern-csrf=;") && c.contains("Expires=Thu, 01 Jan 1970"))
        .anyMatch(c -> c.startsWith("SESSION="));
    var settings = office.get("/admin/programmes/" + programme + "/registration-settings");
    assertThat(settings.status()).isEqualTo(200);
    assertThat(settings.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("lectern-csrf="));
    String session =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("SESSION="))
            .map(c -> c.substring(8, c.indexOf(';')))
            .map(v -> new String(java.util.Base64.getDecoder().decode(v)))
            .findFirst()
            .orElseThrow();
    assertThat(
            jdbc.sql(
                    "select count(*) from spring_session_attributes a join spring_session s "
                        + "on s.primary_id = a.session_primary_id where s.session_id = :id "
                        + "and a.attribute_name like '%CsrfTokenRepository.CSRF_TOKEN'")
                .param("id", session)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // A visitor's cookie token pair does not stand in for the session's.
    Http visitor = new Http(baseUrl());
    String visitorsToken = FormClient.csrfToken(visitor.get("/login").body());
    var refused =
        office.postForm(
            "/admin/programmes/" + programme + "/registration-settings/opt-in",
            Map.of("_csrf", visitorsToken));
    assertThat(refused.status()).isEqualTo(403);
    var saved =
        office.postForm(
            "/admin/programmes/" + programme + "/registration-settings/opt-in",
            Map.of("_csrf", FormClient.csrfToken(settings.body())));
    assertThat(saved.status()).isEqualTo(302);
  }

  int sessionRows() {
    return jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
  }
}
