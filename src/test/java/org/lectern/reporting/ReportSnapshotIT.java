package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.reporting.ReportFixture.Delegate;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Funders see published snapshots only (ADR 0017): nothing before the first, the snapshot and not
 * the live figures after it, the same suppression in every export, and nothing of another
 * programme. Organisers publish through the API (idempotently) and the report page's form.
 */
class ReportSnapshotIT extends IntegrationTest {

  @Autowired ReportFixture fx;
  @Autowired org.lectern.support.Fixtures fixtures;

  private UUID programmeWith(LecternUser organiser, String slug, int delegates, String tag) {
    UUID p = fx.programme(organiser, slug);
    for (int i = 0; i < delegates; i++) {
      register(organiser, p, tag + i);
    }
    return p;
  }

  private void register(LecternUser organiser, UUID p, String tag) {
    fx.register(
        organiser,
        p,
        new Delegate(
            "Снимок " + tag,
            tag + "@snapshot.example",
            tag.hashCode() % 3 == 0 ? "KZ-10" : "KZ-75",
            "female",
            "advocate",
            "3-5",
            "ru"));
  }

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  @Test
  void funderSeesNothingBeforeTheFirstSnapshotThenOnlyTheSnapshotNeverLiveFigures() {
    var http = new Http(baseUrl());
    LecternUser organiser = fx.organiser("snapshots");
    UUID p =
        programmeWith(
            organiser, "snapshots", 12, "a" + UUID.randomUUID().toString().substring(0, 4));
    String org = fx.token(organiser);
    String funder = fx.token(fx.funderOf(organiser, p));
    String report = "/api/v1/programmes/" + p + "/report";

    var before = http.get(report, bearer(funder));
    assertThat(before.status()).isEqualTo(404);
    assertThat(before.body()).contains("report.notPublished");
    assertThat(http.get("/api/v1/programmes/" + p + "/report/publications", bearer(funder)).json())
        .isEmpty();

    // The funder may not publish; the organiser does, and a repeat with the same key is replayed.
    String publications = "/api/v1/programmes/" + p + "/report/publications";
    assertThat(http.postJson(publications, Map.of("note", "x"), bearer(funder)).status())
        .isEqualTo(403);
    var tooLong = http.postJson(publications, Map.of("note", "n".repeat(201)), bearer(org));
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.body()).contains("\"field\":\"note\"");
    String[] withKey = {"Authorization", "Bearer " + org, "Idempotency-Key", "publish-1"};
    var first = http.postJson(publications, Map.of("note", "after session 4"), withKey);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    var again = http.postJson(publications, Map.of("note", "after session 4"), withKey);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(http.get(publications, bearer(org)).json()).hasSize(1);
    String pid = first.json().get("id").asString();
    assertThat(first.json().get("publishedAt").asString()).isNotBlank();

    JsonNode seen = http.get(report, bearer(funder)).json();
    assertThat(seen.get("view").asString()).isEqualTo("funder");
    assertThat(seen.at("/registrations/total").asInt()).isEqualTo(12);

    // Three more register: the organiser sees them at once, the funder not until the next one.
    for (int i = 0; i < 3; i++) {
      register(organiser, p, "b" + i + UUID.randomUUID().toString().substring(0, 4));
    }
    assertThat(http.get(report, bearer(org)).json().at("/registrations/total").asInt())
        .isEqualTo(15);
    assertThat(http.get(report, bearer(funder)).json()).isEqualTo(seen);

    var one = http.get(publications + "/" + pid, bearer(funder));
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("note").asString()).isEqualTo("after session 4");
    assertThat(one.json().get("report")).isEqualTo(seen);

    // The second snapshot is checked with the first: the total changed by 3, so it is hidden.
    var second = http.postJson(publications, Map.of("note", "final report"), bearer(org));
    assertThat(second.status()).isEqualTo(201);
    JsonNode now = http.get(report, bearer(funder)).json();
    assertThat(now.at("/registrations/total").asString()).isEqualTo("hidden");
    var list = http.get(publications, bearer(funder)).json();
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asString()).isEqualTo(pid);
    assertThat(list.get(1).get("note").asString()).isEqualTo("final report");
    var auditor =
        new FunderAuditor(now, FunderAuditor.truthOf(http.get(report, bearer(org)).json()));
    assertThat(auditor.visibleSmall()).isEmpty();
    assertThat(auditor.unprotected()).isEmpty();

    // Another programme's funder learns nothing of this one, not even that it has snapshots.
    UUID other = fx.programme(organiser, "snapshots-other");
    String stranger = fx.token(fx.funderOf(organiser, other));
    assertThat(http.get(report, bearer(stranger)).status()).isEqualTo(404);
    assertThat(http.get(publications, bearer(stranger)).status()).isEqualTo(404);
    assertThat(http.get(publications + "/" + pid, bearer(stranger)).status()).isEqualTo(404);
    assertThat(
            http.get(
                    "/api/v1/programmes/" + other + "/report/publications/" + pid, bearer(stranger))
                .status())
        .isEqualTo(404);
  }

  @Test
  void exportsOfASnapshotCarryItsSuppressionAndTheOrganiserPublishesFromTheReportPage() {
    LecternUser organiser = fx.organiser("snapshot-web");
    UUID p =
        programmeWith(
            organiser, "snapshot-web", 7, "w" + UUID.randomUUID().toString().substring(0, 4));
    LecternUser funder = fx.funderOf(organiser, p);

    var web = new Http(baseUrl());
    ReportWeb.signIn(web, baseUrl(), organiser);
    String page = web.get("/admin/programmes/" + p + "/report?lang=en").body();
    assertThat(page).contains("Publish to funders").contains("Nothing has been published");
    var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    var posted =
        web.postForm(
            "/admin/programmes/" + p + "/report/publications",
            Map.of("_csrf", m.group(1), "note", "after session 1"));
    assertThat(posted.status()).isEqualTo(302);
    assertThat(posted.header("Location")).endsWith("/report?published");
    var tooLong =
        web.postForm(
            "/admin/programmes/" + p + "/report/publications",
            Map.of("_csrf", m.group(1), "note", "x".repeat(300)));
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.body()).contains("aria-describedby=\"snapshot-note-hint note-error\"");
    assertThat(web.get("/admin/programmes/" + p + "/report?lang=en").body())
        .contains("after session 1");

    var funderWeb = new Http(baseUrl());
    ReportWeb.signIn(funderWeb, baseUrl(), funder);
    String funderPage = funderWeb.get("/funder/programmes/" + p + "?lang=en").body();
    assertThat(funderPage).contains("after session 1").doesNotContain("Publish to funders");
    String csv = funderWeb.get("/funder/programmes/" + p + "/report.csv?lang=en").body();
    var api =
        new Http(baseUrl())
            .get("/api/v1/programmes/" + p + "/report", bearer(fx.token(funder)))
            .json();
    // The CSV's status table holds exactly the API's markers and numbers.
    for (String status : FunderModel.STATUSES) {
      String shown = api.at("/registrations/byStatus/" + status).asString();
      assertThat(csv).containsPattern("," + status + "," + Pattern.quote(shown) + "\\r?\\n");
    }
    assertThat(csv).contains("<5").doesNotContain("Снимок").doesNotContain("@snapshot.example");
    assertThat(funderWeb.get("/funder/programmes/" + p + "/report.pdf?lang=en").status())
        .isEqualTo(200);
    // The comparison across programmes is for the organisation's members, not funders.
    assertThat(
            funderWeb
                .get("/admin/organisations/" + fixtures.organisationOf(organiser) + "/comparison")
                .status())
        .isIn(403, 404);
  }
}
