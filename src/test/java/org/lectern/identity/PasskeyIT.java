package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.identity.BackOfficeSession.location;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Passkeys over HTTP, without a browser (the ceremonies themselves are in {@link
 * PasskeyBrowserIT}): a passkey counts as a second factor at sign-in and for API tokens; a passkey
 * form posted without JavaScript, or with a forged answer, is refused on the page and stores
 * nothing; nobody removes someone else's passkey.
 */
class PasskeyIT extends IntegrationTest {

  @Autowired Fixtures fixtures;
  @Autowired org.lectern.shared.crypto.PersonalDataCipher cipher;

  /** Gives the person a stored passkey, as a completed ceremony would (the key is never used). */
  private String passkeyFor(LecternUser u, String label) {
    String handle = "h-" + UUID.randomUUID();
    String credential = "c-" + UUID.randomUUID();
    jdbc.sql("insert into passkey_user (user_id, entity_id) values (:u, :h) on conflict do nothing")
        .param("u", u.id())
        .param("h", handle)
        .update();
    String owner =
        jdbc.sql("select entity_id from passkey_user where user_id = :u")
            .param("u", u.id())
            .query(String.class)
            .single();
    jdbc.sql(
            "insert into user_credentials (credential_id, user_entity_user_id, public_key,"
                + " backup_eligible, backup_state, label, created) values (:c, :h, :k, false,"
                + " false, :l, now())")
        .param("c", credential)
        .param("h", owner)
        .param("k", new byte[] {1, 2, 3})
        .param("l", label)
        .update();
    return credential;
  }

  private int passkeys(LecternUser u) {
    return jdbc.sql(
            "select count(*) from user_credentials c join passkey_user p"
                + " on p.entity_id = c.user_entity_user_id where p.user_id = :u")
        .param("u", u.id())
        .query(Integer.class)
        .single();
  }

  @Test
  void aPasskeyIsTheSecondStepAndTheApiAsksForTheBrowser() {
    LecternUser u = fixtures.organiser("passkey-only");
    passkeyFor(u, "Laptop");

    var token =
        new Http(baseUrl())
            .postJson(
                "/api/v1/auth/tokens", Http.map("email", u.email(), "password", Fixtures.PASSWORD));
    assertThat(token.status()).isEqualTo(401);
    assertThat(token.body()).contains("identity.passkey.apiNeedsCode");

    var s = new BackOfficeSession(baseUrl());
    assertThat(location(s.password(u.email(), Fixtures.PASSWORD)))
        .endsWith(SignInSuccess.SECOND_STEP);
    assertThat(location(s.get("/admin"))).endsWith(SignInSuccess.SECOND_STEP);
    var step = s.get(SignInSuccess.SECOND_STEP);
    assertThat(step.body()).contains("action=\"/login/second-factor/passkey\"");
    // No app and no recovery codes: there is no code to type.
    assertThat(step.body()).doesNotContain("autocomplete=\"one-time-code\"");

    var forged =
        s.postFrom(
            SignInSuccess.SECOND_STEP,
            PasskeySignInController.SECOND_STEP,
            Map.of("credential", "{\"id\":\"x\",\"rawId\":\"eA\",\"type\":\"public-key\"}"));
    assertThat(forged.statusCode()).isEqualTo(422);
    assertThat(forged.body()).contains("could not be checked");
    assertThat(location(s.get("/admin"))).endsWith(SignInSuccess.SECOND_STEP);

    var noScript =
        s.postFrom(SignInSuccess.SECOND_STEP, PasskeySignInController.SECOND_STEP, Map.of());
    assertThat(noScript.statusCode()).isEqualTo(422);
    assertThat(noScript.body()).contains("needs JavaScript");
  }

  @Test
  void addingWithoutJavaScriptOrAnswerIsRefusedAndOthersPasskeysCannotBeRemoved() {
    LecternUser u = fixtures.organiser("passkey-add");
    LecternUser other = fixtures.organiser("passkey-other");
    String theirs = passkeyFor(other, "Theirs");
    var s = new BackOfficeSession(baseUrl());
    assertThat(location(s.password(u.email(), Fixtures.PASSWORD))).endsWith("/admin");

    var empty = s.postFrom(SignInSuccess.ENROL, PasskeySetupController.PASSKEYS, Map.of());
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("id=\"name-error\"").contains("needs JavaScript");

    var forged =
        s.postFrom(
            SignInSuccess.ENROL,
            PasskeySetupController.PASSKEYS,
            Map.of("name", "Laptop", "credential", "{\"id\":\"x\"}"));
    assertThat(forged.statusCode()).isEqualTo(422);
    assertThat(forged.body()).contains("could not be checked").contains("value=\"Laptop\"");
    assertThat(passkeys(u)).isZero();

    var remove =
        s.postFrom(
            SignInSuccess.ENROL,
            PasskeySetupController.PASSKEYS + "/remove",
            Map.of("passkey", theirs));
    assertThat(remove.statusCode()).isEqualTo(404);
    assertThat(passkeys(other)).isEqualTo(1);
  }

  @Test
  void repeatedFailedPasskeySignInsLockTheAddressWithTheAnswerOfAWrongPasskey() {
    String address = "192.0.2.71";
    var u = fixtures.organiser("passkey-locked");
    var attacker = new BackOfficeSession(baseUrl()).from(address);
    String forged = "{\"id\":\"forged\",\"type\":\"public-key\"}";
    String first = null;
    for (int i = 0; i < 30; i++) {
      var res =
          attacker.postFrom("/login", "/login/passkey", java.util.Map.of("credential", forged));
      assertThat(res.statusCode()).isEqualTo(422);
      first = first == null ? res.body() : first;
    }
    assertThat(locks(address)).isEqualTo(1);
    var locked =
        attacker.postFrom("/login", "/login/passkey", java.util.Map.of("credential", forged));
    assertThat(locked.statusCode()).isEqualTo(422);
    assertThat(errorOf(locked.body())).isEqualTo(errorOf(first));
    // The address is locked for passwords too, even the right one; another address is not.
    var right = attacker.password(u.email(), Fixtures.PASSWORD);
    assertThat(BackOfficeSession.location(right)).contains("/login?error");
    var elsewhere =
        new BackOfficeSession(baseUrl()).from("192.0.2.72").password(u.email(), Fixtures.PASSWORD);
    assertThat(BackOfficeSession.location(elsewhere)).doesNotContain("error");
    jdbc.sql("delete from sign_in_lock where lock_key like 'address:%'").update();
    jdbc.sql("delete from rate_limit_window where bucket like '%192.0.2.7%'").update();
  }

  private int locks(String address) {
    return jdbc.sql(
            "select count(*) from sign_in_lock where lock_key = :k and locked_until > now()")
        .param("k", "address:" + cipher.blindIndex(address, "sign-in-lock"))
        .query(Integer.class)
        .single();
  }

  private static String errorOf(String page) {
    var m = java.util.regex.Pattern.compile("id=\"passkey-error\"[^>]*>([^<]*)<").matcher(page);
    return m.find() ? m.group(1).strip() : page.replaceAll("(?s).*<main", "<main").length() + "";
  }
}
