package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.support.Fixtures;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit log viewer: an organisation's administrators read, filter, page and export their
 * organisation's entries and never another's; platform administrators read all; the export is
 * itself audited and its cells cannot run as spreadsheet formulas.
 */
class AuditViewerIT extends IntegrationTest {

  @Autowired Fixtures fixtures;
  @Autowired UserService users;
  @Autowired AuditLog audit;

  LecternUser adminX;
  LecternUser memberX;
  LecternUser adminY;
  LecternUser root;
  UUID orgX;
  UUID orgY;
  UUID programmeX;
  UUID programmeY;

  @BeforeAll
  void entries() {
    adminX = fixtures.organiser("ax");
    orgX = fixtures.organisationOf(adminX);
    users.grantOrganisationRole(orgX, adminX.id(), "ADMIN");
    memberX = fixtures.organiser("mx");
    users.grantOrganisationRole(orgX, memberX.id(), "MEMBER");
    adminY = fixtures.organiser("ay");
    orgY = fixtures.organisationOf(adminY);
    users.grantOrganisationRole(orgY, adminY.id(), "ADMIN");
    root =
        users
            .find(
                users.create(
                    "root-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org",
                    "Root",
                    Fixtures.PASSWORD,
                    true))
            .orElseThrow();
    programmeX = programme(orgX, "Fair trial X");
    programmeY = programme(orgY, "Secret programme Y");

    record(adminX, "registration.listed", orgX, programmeX, 12, null);
    record(memberX, "certificate.listed", orgX, programmeX, 3, "=HYPERLINK(\"http://x\")");
    record(adminY, "registration.exported", orgY, programmeY, 40, "secret-y-marker");
    for (int i = 0; i < 55; i++) {
      record(adminX, "attendance.listed", orgX, programmeX, i, "bulk-" + i);
    }
  }

  UUID programme(UUID org, String title) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into programme (id, organisation_id, slug, title, languages, time_zone, status)
            values (:id, :org, :slug, cast(:title as jsonb), array['en','ru','kk'], 'Asia/Almaty', 'DRAFT')
            """)
        .param("id", id)
        .param("org", org)
        .param("slug", "audit-" + id.toString().substring(0, 8))
        .param("title", "{\"en\":\"" + title + "\"}")
        .update();
    return id;
  }

  void record(
      LecternUser actor, String action, UUID org, UUID programme, int count, String details) {
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            action,
            org,
            "programme",
            programme.toString(),
            count,
            details));
  }

  @Test
  void anOrganisationAdministratorSeesOnlyTheirOrganisationFilteredAndPaged() {
    var web = new WebSession(baseUrl()).signIn(adminX.email(), Fixtures.PASSWORD);
    var all = web.get("/admin/audit");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body())
        .contains(">Attendance listed</td>")
        .contains("data-code=\"attendance.listed\"")
        .contains("Fair trial X")
        .doesNotContain("secret-y-marker")
        .doesNotContain("Secret programme Y")
        .contains("rel=\"next\"");
    var page2 = web.get("/admin/audit?page=2");
    assertThat(page2.body()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

    var listed = web.get("/admin/audit?action=registration.listed");
    assertThat(listed.body())
        .contains(">Registrations listed</td>")
        .contains("data-code=\"registration.listed\"")
        .doesNotContain("bulk-");
    var byPerson = web.get("/admin/audit?person=" + memberX.id());
    assertThat(byPerson.body())
        .contains("data-code=\"certificate.listed\"")
        .doesNotContain("data-code=\"registration.listed\"")
        .doesNotContain("bulk-");
    var foreignProgramme = web.get("/admin/audit?programme=" + programmeY);
    assertThat(foreignProgramme.body())
        .doesNotContain("secret-y-marker")
        .contains("No entries match.");
    var foreignPerson = web.get("/admin/audit?person=" + adminY.id());
    assertThat(foreignPerson.body())
        .doesNotContain("secret-y-marker")
        .contains("No entries match.");
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString();
    assertThat(web.get("/admin/audit?from=" + tomorrow).body()).contains("No entries match.");
    assertThat(
            web.get("/admin/audit?action=registration.listed&from=" + today.substring(0, 8) + "01")
                .body())
        .contains("data-code=\"registration.listed\"");
    var bad = web.get("/admin/audit?from=yesterday&action=no.such");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("from-error").contains("action-error");
  }

  @Test
  void theExportIsAuditedAndDefusesFormulas() {
    var web = new WebSession(baseUrl()).signIn(adminX.email(), Fixtures.PASSWORD);
    int before = exports(orgX);
    var csv = web.get("/admin/audit.csv?programme=" + programmeX);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body())
        .contains("'=HYPERLINK")
        .contains("Registrations listed")
        .doesNotContain("secret-y-marker");
    assertThat(exports(orgX)).isEqualTo(before + 1);
    assertThat(exports(orgY)).isZero();
    assertThat(web.get("/admin/audit?action=audit.exported").body())
        .contains("data-code=\"audit.exported\"");
  }

  @Test
  void membersWhoAreNotAdministratorsCannotReadTheLogAndPlatformAdministratorsReadAll() {
    var member = new WebSession(baseUrl()).signIn(memberX.email(), Fixtures.PASSWORD);
    assertThat(member.get("/admin/audit").statusCode()).isEqualTo(403);
    assertThat(member.get("/admin/audit.csv").statusCode()).isEqualTo(403);
    var platform = new WebSession(baseUrl()).signIn(root.email(), Fixtures.PASSWORD);
    var all = platform.get("/admin/audit?action=registration.exported");
    assertThat(all.body()).contains("secret-y-marker");
    var y = new WebSession(baseUrl()).signIn(adminY.email(), Fixtures.PASSWORD);
    assertThat(y.get("/admin/audit").body()).contains("secret-y-marker").doesNotContain("bulk-");
  }

  int exports(UUID org) {
    return jdbc.sql(
            "select count(*) from audit_entry where action = 'audit.exported' and organisation_id = :o")
        .param("o", org)
        .query(Integer.class)
        .single();
  }
}
