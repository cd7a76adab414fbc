package org.lectern.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.support.Fixtures;

/**
 * Hostile files against every upload: attendance reports (API and back office), certificate
 * verification ({@code /verify}), speaker photos and session materials. {@link HostileFiles}: empty
 * and cut-short files, wrong magic bytes, a zip bomb and a billion-laughs XML bomb dressed as XLSX,
 * a PNG claiming 100 000 × 100 000 pixels, a PDF with JavaScript, UTF-16 without a BOM,
 * Windows-1251, NUL bytes, invalid UTF-8, a 2 MB line, 100 000 nested JSON arrays and random bytes.
 *
 * <p>The property: no 5xx (a bomb that got read would end in one, or in an OutOfMemoryError); a
 * refusal is problem+json (API) or a page showing the error in Russian (HTML); a refused upload
 * changes none of the checked tables.
 */
class HostileUploadsIT extends HostileFixture {

  Browser organiserBrowser;
  Browser visitor;

  @BeforeAll
  void world() {
    createWorld();
    organiserBrowser = new Browser(baseUrl());
    assertThat(organiserBrowser.signIn(organiser.email(), Fixtures.PASSWORD)).isTrue();
    visitor = new Browser(baseUrl());
  }

  @Test
  void attendanceReportsThroughTheApi() {
    List<String> violations = new ArrayList<>();
    HostileFiles.all()
        .forEach(
            (name, bytes) -> {
              String before = snapshot();
              var r =
                  http.postFile(
                      "/api/v1/sessions/" + sessionId + "/attendance-imports",
                      "file",
                      name,
                      bytes,
                      Map.of(),
                      auth("organiser"));
              String v =
                  violation(
                      new Answer(
                          r.status(),
                          r.header("Content-Type") == null ? "" : r.header("Content-Type"),
                          r.body()),
                      before);
              if (v != null) {
                violations.add(name + " → " + v);
              }
            });
    assertThat(violations).isEmpty();
  }

  @Test
  void attendanceReportsThroughTheBackOffice() {
    List<String> violations = new ArrayList<>();
    String page = "/admin/sessions/" + sessionId + "/attendance";
    String action = page + "/uploads";
    HostileFiles.all()
        .forEach(
            (name, bytes) -> {
              String before = snapshot();
              var r =
                  organiserBrowser.postFile(
                      action, Map.of("_csrf", organiserBrowser.csrf(page)), "file", name, bytes);
              String v = htmlViolation(r.statusCode(), r.body(), before);
              if (v != null) {
                violations.add(name + " → " + v);
              }
            });
    assertThat(violations).isEmpty();
  }

  @Test
  void certificateVerification() {
    List<String> violations = new ArrayList<>();
    HostileFiles.all()
        .forEach(
            (name, bytes) -> {
              String before = snapshot();
              var r =
                  visitor.postFile(
                      "/verify", Map.of("_csrf", visitor.csrf("/verify")), "file", name, bytes);
              if (r.statusCode() == 429) {
                return; // the upload's rate limit: a refusal too
              }
              String v = htmlViolation(r.statusCode(), r.body(), before);
              if (v != null) {
                violations.add(name + " → " + v);
              }
            });
    assertThat(violations).isEmpty();
  }

  @Test
  void speakerPhotos() {
    List<String> violations = new ArrayList<>();
    String orgId = fixtures.organisationOf(organiser).toString();
    HostileFiles.all()
        .forEach(
            (name, bytes) -> {
              String before = snapshot();
              var r =
                  organiserBrowser.postFile(
                      "/admin/speakers",
                      Map.of(
                          "_csrf",
                          organiserBrowser.csrf("/admin/speakers/new"),
                          "organisationId",
                          orgId,
                          "fullName",
                          "Photo Test",
                          "name.en",
                          "Photo Test"),
                      "photo",
                      name,
                      bytes);
              // No file is no photo, and a real PNG is a photo whatever its name says.
              boolean image = name.equals("empty.csv") || name.equals("png-magic.csv");
              if (r.statusCode() == 302 && !image) {
                violations.add(name + " → accepted as a photo");
                return;
              }
              String v = htmlViolation(r.statusCode(), r.body(), before);
              if (v != null) {
                violations.add(name + " → " + v);
              }
            });
    assertThat(violations).isEmpty();
  }

  @Test
  void sessionMaterials() {
    List<String> violations = new ArrayList<>();
    String page = "/admin/sessions/" + sessionId + "/materials";
    HostileFiles.all()
        .forEach(
            (name, bytes) -> {
              String before = snapshot();
              var r =
                  organiserBrowser.postFile(
                      page,
                      Map.of(
                          "_csrf",
                          organiserBrowser.csrf(page),
                          "title",
                          "Hostile",
                          "access",
                          "REGISTERED"),
                      "file",
                      name,
                      bytes);
              if (r.statusCode() == 302) {
                violations.add(name + " → accepted as a material");
                return;
              }
              String v = htmlViolation(r.statusCode(), r.body(), before);
              if (v != null) {
                violations.add(name + " → " + v);
              }
            });
    assertThat(violations).isEmpty();
  }

  /** Null when the answer is a proper refusal (or acceptance) of an HTML upload. */
  String htmlViolation(int status, String body, String before) {
    if (status >= 500) {
      return status + " " + abbreviate(body);
    }
    if (status >= 300 && status < 400) {
      return null;
    }
    var shown = Jsoup.parse(body).select(".error, [role=alert], .alert.err, #error-summary");
    if (shown.isEmpty()) {
      return status == 200 ? null : status + " without an error shown";
    }
    if (!shown.text().matches("(?s).*[А-Яа-яЁё].*")) {
      return status + " error not in Russian: " + abbreviate(shown.text());
    }
    String after = snapshot();
    return after.equals(before) ? null : status + " refused but changed data";
  }
}
