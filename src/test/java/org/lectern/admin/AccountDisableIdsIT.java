package org.lectern.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.ApiTokenService;
import org.lectern.support.Http;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code PATCH /api/v1/users/{id}} by an organisation administrator: an account of the bar
 * association that also belongs to the rights centre, an account of the centre only, a platform
 * administrator in the association and an id of no account get exactly the same 404 (status,
 * headers, body but for the id) — a 403 for the first told that the member belongs elsewhere too.
 * None is changed. A member of the association only is disabled (the control).
 */
class AccountDisableIdsIT extends BackOfficeFixture {

  @Autowired ApiTokenService tokens;

  UUID admin;
  UUID shared;
  UUID own;
  UUID root;

  @BeforeAll
  void accounts() {
    admin = users.create("erlan@bar-accounts.example", "Erlan Admin", PASSWORD, false);
    users.grantOrganisationRole(bar, admin, "ADMIN");
    shared = users.create("shared@both.example", "Shared Member", PASSWORD, false);
    users.grantOrganisationRole(bar, shared, "MEMBER");
    users.grantOrganisationRole(centre, shared, "MEMBER");
    own = users.create("own@bar-accounts.example", "Own Member", PASSWORD, false);
    users.grantOrganisationRole(bar, own, "MEMBER");
    root = users.create("root@bar-accounts.example", "Root In Bar", PASSWORD, true);
    users.grantOrganisationRole(bar, root, "MEMBER");
  }

  @Test
  void everyAccountItMayNotChangeIsAnsweredAsNoAccount() {
    Http api = new Http(baseUrl());
    String token = "Bearer " + tokens.issue(admin, "test").token();
    UUID nowhere = UUID.randomUUID();
    var none = patch(api, token, nowhere);
    assertThat(none.status()).isEqualTo(404);
    for (UUID id : List.of(shared, bolat.id(), root)) {
      same(patch(api, token, id), id.toString(), none, nowhere.toString());
    }
    assertThat(disabled(shared) || disabled(bolat.id()) || disabled(root)).isFalse();

    var control = patch(api, token, own);
    assertThat(control.status()).as(control.body()).isEqualTo(200);
    assertThat(disabled(own)).isTrue();
  }

  private static Http.Response patch(Http api, String token, UUID id) {
    return api.patchJson("/api/v1/users/" + id, Map.of("disabled", true), "Authorization", token);
  }

  private static void same(Http.Response got, String id, Http.Response none, String noneId) {
    assertThat(got.status()).as(got.body()).isEqualTo(none.status());
    for (String h : List.of("Content-Type", "Location", "Cache-Control", "Content-Language")) {
      assertThat(got.header(h)).as(h).isEqualTo(none.header(h));
    }
    assertThat(got.body().replace(id, "ID")).isEqualTo(none.body().replace(noneId, "ID"));
  }

  private boolean disabled(UUID id) {
    return jdbc.sql("select disabled_at is not null from app_user where id = :id")
        .param("id", id)
        .query(Boolean.class)
        .single();
  }
}
