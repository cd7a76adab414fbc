package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.admin.WebSession.Form;
import org.lectern.identity.ApiTokenService;
import org.lectern.programme.Programme;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The members routes name people by id ({@code userId}) or e-mail address (ADR 0010, accounts of
 * other organisations): an administrator or manager of the bar association who passes the account
 * of a member of the rights centre (and of no other organisation) gets exactly the answer to an
 * account that does not exist — status, headers, body but for the id or address — and nothing
 * changes: no membership, no audit entry, the same list afterwards. A control with an account of no
 * organisation is told apart (it is added), so the test cannot pass by never reaching the account.
 */
class MemberIdsIT extends BackOfficeFixture {

  static final String ARMAN = "arman@bar.example";
  static final String LONE = "lone@nowhere.example";

  @Autowired ApiTokenService tokens;

  UUID arman;
  UUID lone;

  @BeforeAll
  void barAdministratorAndALoneAccount() {
    arman = users.create(ARMAN, "Arman Bar Admin", PASSWORD, false);
    users.grantOrganisationRole(bar, arman, "ADMIN");
    lone = users.create(LONE, "Lone Funder", PASSWORD, false);
  }

  @Test
  void theOrganisationsMembersApiAnswersAnotherOrganisationsAccountAsNoAccount() {
    Http api = new Http(baseUrl());
    String admin = "Bearer " + tokens.issue(arman, "test").token();
    String members = "/api/v1/organisations/" + bar + "/members";
    UUID nowhere = UUID.randomUUID();
    String listBefore = api.get(members, "Authorization", admin).body();
    int audit = count("audit_entry");

    var foreign = api.postJson(members, body(bolat.id(), "MEMBER"), "Authorization", admin);
    var none = api.postJson(members, body(nowhere, "MEMBER"), "Authorization", admin);
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
    same(foreign, bolat.id().toString(), none, nowhere.toString());
    assertThat(foreign.body()).doesNotContain(BOLAT).doesNotContain("Bolat");
    assertThat(memberships(bar, bolat.id())).isZero();
    // The change routes were already scoped to the organisation's members: both 404, alike.
    var change =
        api.patchJson(members + "/" + bolat.id(), Map.of("role", "ADMIN"), "Authorization", admin);
    var noChange =
        api.patchJson(members + "/" + nowhere, Map.of("role", "ADMIN"), "Authorization", admin);
    assertThat(change.status()).isEqualTo(404);
    same(change, bolat.id().toString(), noChange, nowhere.toString());
    var remove = api.delete(members + "/" + bolat.id(), "Authorization", admin);
    var noRemove = api.delete(members + "/" + nowhere, "Authorization", admin);
    assertThat(remove.status()).isEqualTo(404);
    same(remove, bolat.id().toString(), noRemove, nowhere.toString());
    // Nothing audited (listings aside), the same list afterwards, the centre's member untouched.
    String listAfter = api.get(members, "Authorization", admin).body();
    assertThat(listAfter).isEqualTo(listBefore);
    assertThat(count("audit_entry")).isEqualTo(audit + 1);
    assertThat(memberships(centre, bolat.id())).isOne();

    // The control: an account of no organisation is added, with its name.
    var control = api.postJson(members, body(lone, "MEMBER"), "Authorization", admin);
    assertThat(control.status()).as(control.body()).isEqualTo(201);
    assertThat(control.body()).contains("Lone Funder");
    assertThat(memberships(bar, lone)).isOne();
    jdbc.sql("delete from organisation_member where user_id = :u and organisation_id = :o")
        .param("u", lone)
        .param("o", bar)
        .update();
  }

  @Test
  void theProgrammesMembersApiAndPageAnswerAnotherOrganisationsAccountAsNoAccount() {
    Programme p = draftProgramme("member-ids");
    Http api = new Http(baseUrl());
    String host = "Bearer " + tokens.issue(aigerim.id(), "test").token();
    String members = "/api/v1/programmes/" + p.id() + "/members";
    UUID nowhere = UUID.randomUUID();
    int audit = count("audit_entry");

    var foreign = api.postJson(members, body(bolat.id(), "FUNDER"), "Authorization", host);
    var none = api.postJson(members, body(nowhere, "FUNDER"), "Authorization", host);
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
    same(foreign, bolat.id().toString(), none, nowhere.toString());
    assertThat(count("audit_entry")).isEqualTo(audit);
    assertThat(roles(p.id())).isZero();

    // The page names people by e-mail address: the centre's member is "no account" too.
    WebSession web = signedIn(AIGERIM);
    String page = "/admin/programmes/" + p.id() + "/members";
    String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@centre.example";
    var byAddress = web.post(page, new Form().add("email", BOLAT).add("role", "FUNDER"));
    var noAddress = web.post(page, new Form().add("email", nobody).add("role", "FUNDER"));
    assertThat(byAddress.statusCode()).isEqualTo(422);
    assertThat(noAddress.statusCode()).isEqualTo(422);
    assertThat(page(byAddress.body(), BOLAT)).isEqualTo(page(noAddress.body(), nobody));
    assertThat(byAddress.body()).doesNotContain("Bolat Organiser");
    assertThat(roles(p.id())).isZero();

    // Controls: an account of no organisation gets the role, by id and by address.
    var control = api.postJson(members, body(lone, "FUNDER"), "Authorization", host);
    assertThat(control.status()).as(control.body()).isEqualTo(201);
    var controlPage = web.post(page, new Form().add("email", LONE).add("role", "SPEAKER"));
    assertThat(controlPage.statusCode()).isEqualTo(302);
    assertThat(roles(p.id())).isEqualTo(2);
    assertThat(web.get(page).body()).contains("Lone Funder").doesNotContain("Bolat Organiser");
  }

  private static Map<String, String> body(UUID userId, String role) {
    return Map.of("userId", userId.toString(), "role", role);
  }

  /** Status, the headers a client reads, and the body but for the id asked for. */
  private static void same(Http.Response got, String id, Http.Response none, String noneId) {
    assertThat(got.status()).isEqualTo(none.status());
    for (String h : List.of("Content-Type", "Location", "Cache-Control", "Content-Language")) {
      assertThat(got.header(h)).as(h).isEqualTo(none.header(h));
    }
    assertThat(got.body().replace(id, "ID")).isEqualTo(none.body().replace(noneId, "ID"));
  }

  private static String page(String body, String address) {
    return body.replace(address, "ADDRESS")
        .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
  }

  private int memberships(UUID organisation, UUID user) {
    return jdbc.sql(
            "select count(*) from organisation_member where organisation_id = :o and user_id = :u")
        .param("o", organisation)
        .param("u", user)
        .query(Integer.class)
        .single();
  }

  private int roles(UUID programme) {
    return jdbc.sql("select count(*) from programme_member where programme_id = :p")
        .param("p", programme)
        .query(Integer.class)
        .single();
  }
}
