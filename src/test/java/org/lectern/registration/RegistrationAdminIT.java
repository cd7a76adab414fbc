package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The organiser's back office: listing, search and exports are shown and audited. */
class RegistrationAdminIT extends OrganisationIT {

  @Autowired RegistrationService service;
  final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  UUID programme;

  @BeforeAll
  void setUp() throws Exception {
    programme = fx.programme(org, 1, true, false);
    service.register(
        programme, RegistrationRequest.minimal("Динара Сапарова", "dinara@example.kz", "kk"), null);
    service.register(
        programme,
        RegistrationRequest.minimal("=HYPERLINK(\"x\")", "marat@example.kz", "ru"),
        null);
    String email = "admin-" + UUID.randomUUID() + "@example.org";
    UUID id = users.create(email, "Organiser", "a-long-password-123", false);
    users.grantOrganisationRole(org, id, "ORGANISER");
    String csrf = csrf(get("/login").body());
    var login =
        post("/login", "email=" + enc(email) + "&password=a-long-password-123&_csrf=" + enc(csrf));
    assertThat(login.statusCode()).isEqualTo(302);
  }

  @Test
  void listingAndSearchAreShownAndAudited() throws Exception {
    var list = get("/admin/programmes/" + programme + "/registrations");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("Динара Сапарова", "dinara@example.kz");
    assertThat(audit("registration.listed")).isEqualTo(1);
    // The search form is posted: a searched name never appears in an address (history, logs).
    assertThat(list.body()).contains("<form method=\"post\" action=\"/admin/programmes/");
    var search =
        post(
            "/admin/programmes/" + programme + "/registrations",
            "q=" + enc("сапар") + "&status=&_csrf=" + enc(csrf(list.body())));
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body()).contains("Динара Сапарова").doesNotContain("marat@example.kz");
    // A name in the query string is not honoured.
    assertThat(get("/admin/programmes/" + programme + "/registrations?q=" + enc("сапар")).body())
        .contains("marat@example.kz");
    assertThat(audit("registration.searched")).isEqualTo(1);
    assertThat(auditDetails("registration.searched")).doesNotContain("сапар");
  }

  @Test
  void csvAndXlsxExportsAreCompleteAndAudited() throws Exception {
    var csv = get("/admin/programmes/" + programme + "/registrations.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("Динара Сапарова", "WAITLISTED", "'=HYPERLINK");
    var xlsx =
        http.send(
            req("/admin/programmes/" + programme + "/registrations.xlsx").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'registration.exported' "
                        + "and count = 2")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void strangersGetNothing() throws Exception {
    var other =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            baseUrl() + "/admin/programmes/" + programme + "/registrations.csv"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(other.body()).doesNotContain("Динара");
  }

  @Test
  void consentEditsCreateVersions() throws Exception {
    String page = get("/admin/programmes/" + programme + "/registration-settings").body();
    String token = csrf(page);
    for (String text : new String[] {"I agree v1", "I agree v2"}) {
      var r =
          post(
              "/admin/programmes/" + programme + "/registration-settings",
              "_csrf="
                  + enc(token)
                  + "&open=true&ask=REGION&ask=PHONE&require=PHONE&consent.en="
                  + enc(text));
      assertThat(r.statusCode()).isEqualTo(302);
    }
    assertThat(
            jdbc.sql("select max(version) from registration_consent where programme_id = :p")
                .param("p", programme)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    String form = get("/programmes/" + fx.slug(programme) + "/register").body();
    assertThat(form).contains("I agree v2", "name=\"phone\"").doesNotContain("name=\"profession\"");
  }

  int audit(String action) {
    return jdbc.sql("select count(*) from audit_entry where action = :a and subject_id = :s")
        .param("a", action)
        .param("s", programme.toString())
        .query(Integer.class)
        .single();
  }

  String auditDetails(String action) {
    return String.valueOf(
        jdbc.sql(
                "select string_agg(coalesce(details, ''), ',') from "
                    + "audit_entry where action = :a")
            .param("a", action)
            .query(String.class)
            .single());
  }

  static String csrf(String html) {
    var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    return m.find() ? m.group(1) : "";
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  HttpRequest.Builder req(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept-Language", "en");
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(req(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        req(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
