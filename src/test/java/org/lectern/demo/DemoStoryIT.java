package org.lectern.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The demo tells the product's story through the public API: the 2019 in-person training drew
 * mostly from Almaty and Astana, the 2021 online series from the whole country; the webinars'
 * attendance reports are imported, so their report shows who came and who completed, and its
 * learning figures (tests, feedback, follow-up); the funder sees the same programme without small
 * numbers.
 */
class DemoStoryIT extends IntegrationTest {

  @Autowired DemoData demo;

  Http http;
  String[] organiser;

  @BeforeAll
  void demoData() {
    if (demo.isEmpty()) {
      demo.load();
    }
    http = new Http(baseUrl());
    organiser = bearer(DemoData.ORGANISER_EMAIL, DemoData.ORGANISER_PASSWORD);
  }

  @Test
  void onlineReachWasWiderAndTheWebinarsShowAttendanceAndCompletion() {
    JsonNode inPerson = report("almaty-training-2019", organiser);
    JsonNode online = report("iccpr-webinars-2021", organiser);

    // Every applicant to the 2019 training was approved: they are delegates, not pending.
    assertThat(inPerson.at("/registrations/byStatus/CONFIRMED").asInt()).isEqualTo(35);
    assertThat(inPerson.at("/registrations/byStatus/PENDING").asInt()).isZero();
    double before = inPerson.at("/outsideMainCentres/share").asDouble();
    double after = online.at("/outsideMainCentres/share").asDouble();
    assertThat(after).as("reach outside Almaty and Astana widened online").isGreaterThan(before);
    assertThat(online.get("byRegion").size()).isGreaterThan(inPerson.get("byRegion").size());

    assertThat(online.at("/attendance/recorded").asBoolean()).isTrue();
    int confirmed = online.at("/funnel/confirmed").asInt();
    int attended = online.at("/funnel/attended").asInt();
    int completed = online.at("/funnel/completed").asInt();
    assertThat(attended).isPositive().isLessThanOrEqualTo(confirmed);
    assertThat(completed).isPositive().isLessThan(attended);
    assertThat(online.at("/attendance/completionRule/sessionsRequired").asInt()).isEqualTo(5);
    assertThat(online.at("/attendance/sessions"))
        .allSatisfy(s -> assertThat(s.get("present").asInt()).isPositive());

    // The series' learning: tests before and after, the final feedback and the follow-up.
    JsonNode learning = online.get("learning");
    int paired = learning.get("paired").asInt();
    assertThat(learning.get("preTested").asInt()).isGreaterThanOrEqualTo(paired);
    assertThat(paired).isGreaterThanOrEqualTo(10);
    assertThat(learning.get("improved").asInt()).isPositive().isLessThanOrEqualTo(paired);
    assertThat(learning.get("meanPost").asDouble())
        .isGreaterThan(learning.get("meanPre").asDouble());
    assertThat(learning.get("surveyed").asInt()).isPositive();
    assertThat(learning.get("satisfied").asInt())
        .isPositive()
        .isLessThanOrEqualTo(learning.get("surveyed").asInt());
    int answered = learning.get("followUpAnswered").asInt();
    assertThat(answered).isPositive();
    assertThat(learning.get("usedInPractice").asInt()).isPositive().isLessThanOrEqualTo(answered);

    // After start-up the demo issues the series' certificates: one to each who completed.
    assertThat(demo.issueCertificates()).isEqualTo(completed);
    assertThat(report("iccpr-webinars-2021", organiser).at("/funnel/certified").asInt())
        .isEqualTo(completed);

    JsonNode funder =
        report("iccpr-webinars-2021", bearer(DemoData.FUNDER_EMAIL, DemoData.FUNDER_PASSWORD));
    assertThat(funder.get("view").asString()).isEqualTo("funder");
    assertThat(funder.toString()).doesNotContain("@demo.lectern.example");
  }

  private String[] bearer(String email, String password) {
    var r = http.postJson("/api/v1/auth/tokens", map("email", email, "password", password));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new String[] {"Authorization", "Bearer " + r.json().get("token").asString()};
  }

  private JsonNode report(String slug, String[] auth) {
    String id = null;
    for (JsonNode p : http.get("/api/v1/programmes?limit=100", auth).json()) {
      if (p.get("slug").asString().equals(slug)) {
        id = p.get("id").asString();
      }
    }
    assertThat(id).as("programme " + slug).isNotNull();
    var r = http.get("/api/v1/programmes/" + id + "/report", auth);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }
}
