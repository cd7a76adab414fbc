package org.lectern.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.organisation.OrganisationService;
import org.lectern.reporting.ReportFixture;
import org.lectern.reporting.ReportWeb;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Who holds which role on a programme, on the members page and through the API: listing (audited),
 * revoking (audited), access, bad input, and the guard that keeps someone able to manage.
 */
class ProgrammeMembersIT extends IntegrationTest {

  @Autowired ReportFixture fx;
  @Autowired UserService users;
  @Autowired OrganisationService organisations;

  Http api;
  LecternUser organiser;
  String organiserToken;

  @BeforeAll
  void setUp() {
    api = new Http(baseUrl());
    organiser = fx.organiser("members");
    organiserToken = fx.token(organiser);
  }

  @Test
  void listsAndRevokesThroughTheApi() {
    UUID programme = fx.programme(organiser, "members-api");
    LecternUser funder = fx.member(organiser, programme, ProgrammeRole.FUNDER);
    LecternUser speaker = fx.member(organiser, programme, ProgrammeRole.SPEAKER);
    String members = "/api/v1/programmes/" + programme + "/members";

    int listed = audited("programme.membersListed", programme);
    var list = api.get(members, auth(organiserToken));
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.header("X-Total-Count")).isEqualTo("2");
    JsonNode first = list.json().get(0);
    assertThat(first.get("role").asString())
        .as("organisers, speakers, funders")
        .isEqualTo("SPEAKER");
    assertThat(first.get("userId").asString()).isEqualTo(speaker.id().toString());
    assertThat(first.get("email").asString()).isEqualTo(speaker.email());
    assertThat(first.get("fullName").asString()).isEqualTo(speaker.fullName());
    assertThat(first.get("grantedAt").asString()).isNotBlank();
    assertThat(list.json().get(1).get("email").asString()).isEqualTo(funder.email());
    assertThat(audited("programme.membersListed", programme)).isEqualTo(listed + 1);
    assertThat(lastAuditCount("programme.membersListed", programme)).isEqualTo(2);

    var paged = api.get(members + "?limit=1&offset=1", auth(organiserToken));
    assertThat(paged.json().size()).isEqualTo(1);
    assertThat(paged.header("X-Total-Count")).isEqualTo("2");
    assertThat(paged.json().get(0).get("role").asString()).isEqualTo("FUNDER");
    assertThat(api.get(members + "?limit=0", auth(organiserToken)).status()).isEqualTo(422);
    assertThat(api.get(members + "?offset=-1", auth(organiserToken)).status()).isEqualTo(422);

    // Refused requests change nothing and leave no audit entry of a revocation.
    int revokedBefore = audited("programme.memberRevoked", programme);
    String funderToken = fx.token(funder);
    assertThat(api.get(members, auth(funderToken)).status()).isEqualTo(403);
    assertThat(api.delete(members + "/" + speaker.id() + "/SPEAKER", auth(funderToken)).status())
        .isEqualTo(403);
    String strangerToken = fx.token(fx.organiser("stranger"));
    assertThat(api.get(members, auth(strangerToken)).status()).isEqualTo(404);
    assertThat(api.delete(members + "/" + funder.id() + "/FUNDER", auth(strangerToken)).status())
        .isEqualTo(404);
    assertThat(api.delete(members + "/" + funder.id() + "/FUNDER").status()).isEqualTo(401);
    var unknownRole = api.delete(members + "/" + funder.id() + "/OWNER", auth(organiserToken));
    assertThat(unknownRole.status()).isEqualTo(404);
    assertThat(unknownRole.header("Content-Type")).startsWith("application/problem+json");
    assertThat(unknownRole.json().get("code").asString()).isEqualTo("programme.member.notFound");
    assertThat(api.delete(members + "/" + UUID.randomUUID() + "/FUNDER", auth(organiserToken)))
        .extracting(Http.Response::status)
        .isEqualTo(404);
    assertThat(api.delete(members + "/not-a-user/FUNDER", auth(organiserToken)).status())
        .isEqualTo(404);
    assertThat(api.delete(members + "/" + funder.id() + "/SPEAKER", auth(organiserToken)).status())
        .as("a role the person does not hold")
        .isEqualTo(404);
    assertThat(roles(programme, funder)).containsExactly("FUNDER");
    assertThat(roles(programme, speaker)).containsExactly("SPEAKER");
    assertThat(audited("programme.memberRevoked", programme)).isEqualTo(revokedBefore);

    var revoked = api.delete(members + "/" + funder.id() + "/FUNDER", auth(organiserToken));
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
    assertThat(roles(programme, funder)).isEmpty();
    assertThat(audited("programme.memberRevoked", programme)).isEqualTo(revokedBefore + 1);
    assertThat(
            jdbc.sql(
                    "select details from audit_entry where action = 'programme.memberRevoked'"
                        + " and subject_id = :s and actor_id = :a")
                .param("s", programme.toString())
                .param("a", organiser.id())
                .query(String.class)
                .list())
        .contains("role=FUNDER user=" + funder.id());
    var twice = api.delete(members + "/" + funder.id() + "/FUNDER", auth(organiserToken));
    assertThat(twice.status()).isEqualTo(404);
    assertThat(audited("programme.memberRevoked", programme)).isEqualTo(revokedBefore + 1);
    assertThat(api.get("/api/v1/programmes/" + programme, auth(funderToken)).status())
        .as("the former funder no longer sees the draft programme")
        .isEqualTo(404);
    assertThat(api.get(members, auth(organiserToken)).header("X-Total-Count")).isEqualTo("1");
  }

  @Test
  void theLastOrganiserStaysWhenNobodyElseCouldManage() {
    // A programme of an organisation without members, run by an outside organiser: only its
    // programme organisers can manage it.
    LecternUser admin =
        users
            .find(users.create(unique("root") + "@example.org", "Root", Fixtures.PASSWORD, true))
            .orElseThrow();
    var org =
        organisations.create(unique("lonely"), LocalizedText.of("en", "Lonely"), "https://x.org");
    UUID lonely = fx.programmeIn(admin, org.id(), "lonely");
    LecternUser first = fx.member(admin, lonely, ProgrammeRole.ORGANISER);
    String firstToken = fx.token(first);
    String members = "/api/v1/programmes/" + lonely + "/members";

    var refused =
        api.delete(
            members + "/" + first.id() + "/ORGANISER",
            "Authorization",
            "Bearer " + firstToken,
            "Accept-Language",
            "ru");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asString()).isEqualTo("programme.member.lastOrganiser");
    assertThat(refused.json().get("detail").asString()).contains("последний организатор");
    assertThat(roles(lonely, first)).containsExactly("ORGANISER");
    assertThat(
            api.delete(members + "/" + first.id() + "/ORGANISER", auth(fx.token(admin))).status())
        .as("platform administrators do not count as the programme's managers")
        .isEqualTo(409);
    assertThat(roles(lonely, first)).containsExactly("ORGANISER");

    LecternUser second = fx.member(first, lonely, ProgrammeRole.ORGANISER);
    assertThat(api.delete(members + "/" + first.id() + "/ORGANISER", auth(firstToken)).status())
        .as("the first may leave once someone else organises")
        .isEqualTo(204);
    assertThat(api.get(members, auth(firstToken)).status()).isEqualTo(404);
    assertThat(
            api.delete(members + "/" + second.id() + "/ORGANISER", auth(fx.token(second))).status())
        .isEqualTo(409);
    assertThat(roles(lonely, second)).containsExactly("ORGANISER");

    // Where the organisation has members, they manage the programme anyway: the last programme
    // organiser may go.
    UUID programme = fx.programme(organiser, "members-org");
    LecternUser only = fx.member(organiser, programme, ProgrammeRole.ORGANISER);
    assertThat(
            api.delete(
                    "/api/v1/programmes/" + programme + "/members/" + only.id() + "/ORGANISER",
                    auth(fx.token(only)))
                .status())
        .isEqualTo(204);
    assertThat(roles(programme, only)).isEmpty();
  }

  @Test
  void theMembersPageListsGrantsAndRevokes() {
    UUID programme = fx.programme(organiser, "members-page");
    LecternUser funder = fx.member(organiser, programme, ProgrammeRole.FUNDER);
    String page = "/admin/programmes/" + programme + "/members";
    Http web = new Http(baseUrl());
    ReportWeb.signIn(web, baseUrl(), organiser);

    int listed = audited("programme.membersListed", programme);
    var shown = web.get(page);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.body())
        .contains(funder.email())
        .contains(funder.fullName())
        .contains("<span class=\"visually-hidden\"> the Funder role from " + funder.fullName());
    assertThat(audited("programme.membersListed", programme)).isEqualTo(listed + 1);

    String newcomer = unique("newcomer") + "@example.org";
    users.create(newcomer, "Newcomer Speaker", Fixtures.PASSWORD, false);
    int grantsBefore = audited("programme.memberGranted", programme);
    var granted =
        web.postForm(
            page, Map.of("email", newcomer, "role", "SPEAKER", "_csrf", csrf(web.get(page))));
    assertThat(granted.status()).isEqualTo(302);
    assertThat(web.get(page).body()).contains(newcomer).contains("Newcomer Speaker");
    assertThat(audited("programme.memberGranted", programme)).isEqualTo(grantsBefore + 1);
    var unknownUser =
        web.postForm(
            page,
            Map.of("email", "nobody@example.org", "role", "SPEAKER", "_csrf", csrf(web.get(page))));
    assertThat(unknownUser.status()).isEqualTo(422);
    assertThat(unknownUser.body()).contains("There is no account with this e-mail address");
    var unknownRole =
        web.postForm(
            page, Map.of("email", newcomer, "role", "OWNER", "_csrf", csrf(web.get(page))));
    assertThat(unknownRole.status()).isEqualTo(422);

    var withoutCsrf =
        web.postForm(page + "/revoke", Map.of("userId", funder.id().toString(), "role", "FUNDER"));
    assertThat(withoutCsrf.status()).isEqualTo(403);
    assertThat(roles(programme, funder)).containsExactly("FUNDER");

    int revokedBefore = audited("programme.memberRevoked", programme);
    var revoke =
        web.postForm(
            page + "/revoke",
            Map.of(
                "userId", funder.id().toString(), "role", "FUNDER", "_csrf", csrf(web.get(page))),
            "Accept-Language",
            "ru");
    assertThat(revoke.status()).isEqualTo(302);
    assertThat(revoke.header("Location")).endsWith(page);
    assertThat(roles(programme, funder)).isEmpty();
    assertThat(audited("programme.memberRevoked", programme)).isEqualTo(revokedBefore + 1);
    var after = web.get(page, "Accept-Language", "ru");
    assertThat(after.body())
        .contains("Роль «Донор» у пользователя " + funder.fullName() + " отозвана.")
        .doesNotContain(funder.email());

    var again =
        web.postForm(
            page + "/revoke",
            Map.of(
                "userId", funder.id().toString(), "role", "FUNDER", "_csrf", csrf(web.get(page))),
            "Accept-Language",
            "kk");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.body()).contains("Бұл адамның бағдарламада мұндай рөлі жоқ.");
    var tampered =
        web.postForm(
            page + "/revoke", Map.of("userId", "x", "role", "OWNER", "_csrf", csrf(web.get(page))));
    assertThat(tampered.status()).isEqualTo(404);
    assertThat(audited("programme.memberRevoked", programme)).isEqualTo(revokedBefore + 1);

    // A speaker of the programme sees it but may not manage its roles.
    LecternUser speaker = fx.member(organiser, programme, ProgrammeRole.SPEAKER);
    Http speakerWeb = new Http(baseUrl());
    ReportWeb.signIn(speakerWeb, baseUrl(), speaker);
    assertThat(speakerWeb.get(page).status()).isEqualTo(403);
    var notAllowed =
        speakerWeb.postForm(
            page + "/revoke",
            Map.of(
                "userId",
                speaker.id().toString(),
                "role",
                "SPEAKER",
                "_csrf",
                csrf(speakerWeb.get("/admin"))));
    assertThat(notAllowed.status()).isEqualTo(403);
    assertThat(roles(programme, speaker)).containsExactly("SPEAKER");
  }

  @Test
  void onThePageTheLastOrganiserIsRefusedInTheUsersLanguageAndLeavingGoesToTheDashboard() {
    LecternUser admin =
        users
            .find(users.create(unique("root") + "@example.org", "Root", Fixtures.PASSWORD, true))
            .orElseThrow();
    var org =
        organisations.create(unique("alone"), LocalizedText.of("en", "Alone"), "https://x.org");
    UUID alone = fx.programmeIn(admin, org.id(), "alone");
    LecternUser first = fx.member(admin, alone, ProgrammeRole.ORGANISER);
    String page = "/admin/programmes/" + alone + "/members";
    Http web = new Http(baseUrl());
    ReportWeb.signIn(web, baseUrl(), first);

    var refused =
        web.postForm(
            page + "/revoke",
            Map.of(
                "userId", first.id().toString(), "role", "ORGANISER", "_csrf", csrf(web.get(page))),
            "Accept-Language",
            "kk");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("соңғы ұйымдастырушысы").contains("role=\"alert\"");
    assertThat(roles(alone, first)).containsExactly("ORGANISER");

    fx.member(first, alone, ProgrammeRole.ORGANISER);
    var left =
        web.postForm(
            page + "/revoke",
            Map.of(
                "userId",
                first.id().toString(),
                "role",
                "ORGANISER",
                "_csrf",
                csrf(web.get(page))));
    assertThat(left.status()).isEqualTo(302);
    assertThat(left.header("Location")).endsWith("/admin");
    assertThat(roles(alone, first)).isEmpty();
    assertThat(web.get("/admin").body()).contains("no longer has the Organiser role");
  }

  private static String[] auth(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private List<String> roles(UUID programmeId, LecternUser user) {
    return jdbc.sql(
            "select role from programme_member where programme_id = :p and user_id = :u"
                + " order by role")
        .param("p", programmeId)
        .param("u", user.id())
        .query(String.class)
        .list();
  }

  private int audited(String action, UUID programmeId) {
    return jdbc.sql(
            "select count(*) from audit_entry where action = :a and subject_type = 'programme'"
                + " and subject_id = :s")
        .param("a", action)
        .param("s", programmeId.toString())
        .query(Integer.class)
        .single();
  }

  private Integer lastAuditCount(String action, UUID programmeId) {
    return jdbc.sql(
            "select count from audit_entry where action = :a and subject_id = :s"
                + " order by at desc limit 1")
        .param("a", action)
        .param("s", programmeId.toString())
        .query(Integer.class)
        .single();
  }

  private static String unique(String label) {
    return label + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String csrf(Http.Response page) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }
}
