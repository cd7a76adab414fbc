package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.identity.BackOfficeSession.code;
import static org.lectern.identity.BackOfficeSession.location;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The second factor as people meet it: set up when their organisation requires it (and nothing else
 * before), the second step of signing in, codes and recovery codes good once, API tokens only with
 * the code, and the code asked again before sensitive actions.
 */
class SecondFactorIT extends IntegrationTest {

  private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z0-9-]{19})</code></li>");

  @Autowired Fixtures fixtures;
  @Autowired UserService users;
  @Autowired ApiTokenService tokens;
  @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;

  /** Someone whose organisation requires the second factor (the production default). */
  private LecternUser required(String label) {
    LecternUser u = fixtures.organiser(label);
    jdbc.sql(
            "insert into second_factor_policy (organisation_id, policy, changed_at)"
                + " values (:o, 'PERSONAL_DATA', now())")
        .param("o", fixtures.organisationOf(u))
        .update();
    return u;
  }

  /** The secret, the recovery codes, and the first code (the one the set-up took). */
  private record Enrolled(byte[] secret, List<String> recoveryCodes, String firstCode) {}

  /** Signs in and sets up the authenticator with a first code; the session is then through. */
  private Enrolled enrol(BackOfficeSession s, LecternUser u) {
    assertThat(location(s.password(u.email(), Fixtures.PASSWORD)))
        .endsWith(SignInSuccess.ENROL)
        .as("a required person is sent to set up");
    var setup = s.get(SignInSuccess.ENROL);
    assertThat(setup.statusCode()).isEqualTo(200);
    byte[] secret = BackOfficeSession.secretOf(setup.body());
    assertThat(setup.body()).contains("otpauth://totp/").contains("<svg");
    String first = code(secret, 0);
    var done = s.postFrom(SignInSuccess.ENROL, SignInSuccess.ENROL, Map.of("code", first));
    assertThat(done.statusCode()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    var m = RECOVERY.matcher(done.body());
    while (m.find()) {
      codes.add(m.group(1));
    }
    assertThat(codes).hasSize(10).doesNotHaveDuplicates();
    return new Enrolled(secret, codes, first);
  }

  @Test
  void aRequiredPersonSetsUpFirstAndCanDoNothingElseBefore() {
    LecternUser u = required("factor-req");
    var s = new BackOfficeSession(baseUrl());
    assertThat(location(s.password(u.email(), Fixtures.PASSWORD))).endsWith(SignInSuccess.ENROL);
    for (String path : List.of("/admin", "/admin/account", "/", "/admin/programmes/new")) {
      var r = s.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(302);
      assertThat(location(r)).as(path).endsWith(SignInSuccess.ENROL);
    }
    var setup = s.get(SignInSuccess.ENROL);
    byte[] secret = BackOfficeSession.secretOf(setup.body());
    assertThat(setup.body()).contains(users.find(u.id()).orElseThrow().email().split("@")[0]);
    var wrong =
        s.postFrom(SignInSuccess.ENROL, SignInSuccess.ENROL, Map.of("code", code(secret, -5)));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("not correct").contains("aria-invalid=\"true\"");
    var empty = s.postFrom(SignInSuccess.ENROL, SignInSuccess.ENROL, Map.of("code", ""));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(s.get("/admin").statusCode()).as("still held").isEqualTo(302);
    var right =
        s.postFrom(SignInSuccess.ENROL, SignInSuccess.ENROL, Map.of("code", code(secret, 0)));
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(RECOVERY.matcher(right.body()).results().count()).isEqualTo(10);
    assertThat(s.get("/admin").statusCode()).isEqualTo(200);
    // The secret is kept sealed, never in clear.
    byte[] stored =
        jdbc.sql("select secret from second_factor_totp where user_id = :u")
            .param("u", u.id())
            .query(byte[].class)
            .single();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(Base32.encode(secret));
    assertThat(audited(u.id(), "account.factorEnrolled")).isEqualTo(1);
  }

  @Test
  void theSecondStepTakesEachCodeAndEachRecoveryCodeOnce() {
    LecternUser u = required("factor-step");
    var first = new BackOfficeSession(baseUrl());
    Enrolled e = enrol(first, u);

    var s = new BackOfficeSession(baseUrl());
    assertThat(location(s.password(u.email(), Fixtures.PASSWORD)))
        .endsWith(SignInSuccess.SECOND_STEP);
    var held = s.get("/admin");
    assertThat(held.statusCode()).isEqualTo(302);
    assertThat(location(held)).endsWith(SignInSuccess.SECOND_STEP);
    var page = s.get(SignInSuccess.SECOND_STEP);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("autocomplete=\"one-time-code\"");
    // The code used to set up was taken: replaying it fails (the very code, not the one the app
    // shows now: on a slow machine a new 30-second step may have begun since).
    var replay =
        s.postFrom(
            SignInSuccess.SECOND_STEP, SignInSuccess.SECOND_STEP, Map.of("code", e.firstCode()));
    assertThat(replay.statusCode()).isEqualTo(422);
    String recovery = e.recoveryCodes().get(3);
    var ok =
        s.postFrom(SignInSuccess.SECOND_STEP, SignInSuccess.SECOND_STEP, Map.of("code", recovery));
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(location(ok)).endsWith("/admin");
    assertThat(s.get("/admin").statusCode()).isEqualTo(200);
    assertThat(audited(u.id(), "account.recoveryCodeUsed")).isEqualTo(1);

    var again = new BackOfficeSession(baseUrl());
    again.password(u.email(), Fixtures.PASSWORD);
    var reused =
        again.postFrom(
            SignInSuccess.SECOND_STEP, SignInSuccess.SECOND_STEP, Map.of("code", recovery));
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(again.get("/admin").statusCode()).isEqualTo(302);
    var byApp =
        again.postFrom(
            SignInSuccess.SECOND_STEP,
            SignInSuccess.SECOND_STEP,
            Map.of("code", code(e.secret(), 1)));
    assertThat(location(byApp)).endsWith("/admin");
  }

  @Test
  void apiTokensNeedTheCodeWhereTheAccountHasOne() {
    LecternUser u = required("factor-api");
    Enrolled e = enrol(new BackOfficeSession(baseUrl()), u);
    Http http = new Http(baseUrl());
    var none =
        http.postJson(
            "/api/v1/auth/tokens", Http.map("email", u.email(), "password", Fixtures.PASSWORD));
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("Content-Type")).startsWith("application/problem+json");
    assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("otp");
    var wrong =
        http.postJson(
            "/api/v1/auth/tokens",
            Http.map(
                "email", u.email(), "password", Fixtures.PASSWORD, "otp", code(e.secret(), -5)));
    assertThat(wrong.status()).isEqualTo(401);
    var badPassword =
        http.postJson(
            "/api/v1/auth/tokens",
            Http.map(
                "email",
                u.email(),
                "password",
                "wrong password here",
                "otp",
                e.recoveryCodes().get(0)));
    assertThat(badPassword.status()).isEqualTo(401);
    assertThat(badPassword.body()).doesNotContain("otp");
    var ok =
        http.postJson(
            "/api/v1/auth/tokens",
            Http.map(
                "email",
                u.email(),
                "password",
                Fixtures.PASSWORD,
                "otp",
                e.recoveryCodes().get(0)));
    assertThat(ok.status()).isEqualTo(201);

    LecternUser notYet = required("factor-api-none");
    var refused =
        http.postJson(
            "/api/v1/auth/tokens",
            Http.map("email", notYet.email(), "password", Fixtures.PASSWORD));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("otp");

    LecternUser offered = fixtures.organiser("factor-api-offered");
    assertThat(
            http.postJson(
                    "/api/v1/auth/tokens",
                    Http.map("email", offered.email(), "password", Fixtures.PASSWORD))
                .status())
        .isEqualTo(201);
  }

  @Test
  void aSensitiveActionAsksAgainWhenTheSessionHasNoFreshFactor() {
    // Offered: the person signs in with the password alone, then sets up in another browser.
    LecternUser u = fixtures.organiser("factor-stepup");
    var old = new BackOfficeSession(baseUrl());
    assertThat(location(old.password(u.email(), Fixtures.PASSWORD))).endsWith("/admin");
    var other = new BackOfficeSession(baseUrl());
    other.password(u.email(), Fixtures.PASSWORD);
    byte[] secret = BackOfficeSession.secretOf(other.get(SignInSuccess.ENROL).body());
    var done =
        other.postFrom(SignInSuccess.ENROL, SignInSuccess.ENROL, Map.of("code", code(secret, 0)));
    List<String> codes = RECOVERY.matcher(done.body()).results().map(r -> r.group(1)).toList();
    assertThat(codes).hasSize(10);

    String renew = SignInSuccess.ENROL + "/recovery-codes";
    var asked = old.postFrom(SignInSuccess.ENROL, renew, Map.of());
    assertThat(asked.statusCode()).isEqualTo(303);
    assertThat(location(asked)).contains(SignInSuccess.SECOND_STEP + "?next=");
    assertThat(audited(u.id(), "account.recoveryCodesRenewed")).isZero();
    var page = old.get(location(asked).replaceFirst("^https?://[^/]+", ""));
    // Without a Referer (this client sends none) the way back is the back office.
    assertThat(page.body()).contains("name=\"next\" value=\"/admin\"");
    var verified =
        old.post(
            SignInSuccess.SECOND_STEP,
            BackOfficeSession.csrfIn(page.body()),
            Map.of("code", codes.get(0), "next", SignInSuccess.ENROL));
    assertThat(location(verified)).endsWith(SignInSuccess.ENROL);
    var renewed = old.postFrom(SignInSuccess.ENROL, renew, Map.of());
    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(RECOVERY.matcher(renewed.body()).results().count()).isEqualTo(10);
    assertThat(audited(u.id(), "account.recoveryCodesRenewed")).isEqualTo(1);
  }

  @Test
  void aFactorShownMoreThanTenMinutesAgoIsAskedForAgainInTheBrowser() {
    LecternUser u = fixtures.organiser("factor-stale");
    var s = new BackOfficeSession(baseUrl());
    s.password(u.email(), Fixtures.PASSWORD);
    byte[] secret = BackOfficeSession.secretOf(s.get(SignInSuccess.ENROL).body());
    s.postFrom(SignInSuccess.ENROL, SignInSuccess.ENROL, Map.of("code", code(secret, 0)));
    String renew = SignInSuccess.ENROL + "/recovery-codes";

    // The factor was shown 9 minutes ago: still fresh, the codes are renewed at once.
    factorShown(u, Duration.ofMinutes(9));
    var renewed = s.postFrom(SignInSuccess.ENROL, renew, Map.of());
    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(audited(u.id(), "account.recoveryCodesRenewed")).isEqualTo(1);
    List<String> codes = RECOVERY.matcher(renewed.body()).results().map(r -> r.group(1)).toList();
    assertThat(codes).hasSize(10);

    // 11 minutes ago: asked again, and nothing is renewed until the code is given.
    factorShown(u, Duration.ofMinutes(11));
    var asked = s.postFrom(SignInSuccess.ENROL, renew, Map.of());
    assertThat(asked.statusCode()).isEqualTo(303);
    assertThat(location(asked)).contains(SignInSuccess.SECOND_STEP + "?next=");
    assertThat(audited(u.id(), "account.recoveryCodesRenewed")).isEqualTo(1);
    var page = s.get(location(asked).replaceFirst("^https?://[^/]+", ""));
    var verified =
        s.post(
            SignInSuccess.SECOND_STEP,
            BackOfficeSession.csrfIn(page.body()),
            Map.of("code", codes.get(0), "next", SignInSuccess.ENROL));
    assertThat(location(verified)).endsWith(SignInSuccess.ENROL);
    assertThat(s.postFrom(SignInSuccess.ENROL, renew, Map.of()).statusCode()).isEqualTo(200);
    assertThat(audited(u.id(), "account.recoveryCodesRenewed")).isEqualTo(2);
  }

  /** Sets when the person's (only) browser session last saw their second factor. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void factorShown(LecternUser u, Duration ago) {
    var found =
        sessions.findByIndexNameAndIndexValue(
            FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, u.sessionOwner());
    assertThat(found).hasSize(1);
    Session session = found.values().iterator().next();
    session.setAttribute(SignInState.SESSION_KEY, SignInState.verified(Instant.now().minus(ago)));
    ((FindByIndexNameSessionRepository) sessions).save(session);
  }

  @Test
  void aPolicyChangeThroughTheApiNeedsAFreshCode() {
    LecternUser u = fixtures.organiser("factor-policy");
    UUID org = fixtures.organisationOf(u);
    users.grantOrganisationRole(org, u.id(), "ADMIN");
    var s = new BackOfficeSession(baseUrl());
    s.password(u.email(), Fixtures.PASSWORD);
    byte[] secret = BackOfficeSession.secretOf(s.get(SignInSuccess.ENROL).body());
    String first = code(secret, 0);
    var done = s.postFrom(SignInSuccess.ENROL, SignInSuccess.ENROL, Map.of("code", first));
    List<String> codes = RECOVERY.matcher(done.body()).results().map(r -> r.group(1)).toList();

    Http http = new Http(baseUrl());
    String stale = tokens.issue(u.id(), "old").token();
    var asked =
        http.patchJson(
            "/api/v1/organisations/" + org,
            Http.map("secondFactor", "EVERYONE"),
            "Authorization",
            "Bearer " + stale);
    assertThat(asked.status()).isEqualTo(401);
    assertThat(asked.json().get("type").asString()).isEqualTo("urn:lectern:problem:stepUpRequired");
    assertThat(
            http.get("/api/v1/organisations/" + org, "Authorization", "Bearer " + stale)
                .json()
                .get("secondFactor")
                .asString())
        .as("nothing changed")
        .isEqualTo("OFFERED");
    var withCode =
        http.patchJson(
            "/api/v1/organisations/" + org,
            Http.map("secondFactor", "EVERYONE"),
            "Authorization",
            "Bearer " + stale,
            StepUp.HEADER,
            codes.get(1));
    assertThat(withCode.status()).isEqualTo(200);
    assertThat(withCode.json().get("secondFactor").asString()).isEqualTo("EVERYONE");
    var invalid =
        http.patchJson(
            "/api/v1/organisations/" + org,
            Http.map("secondFactor", "NOBODY"),
            "Authorization",
            "Bearer " + stale);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(audited(u.id(), "account.factorPolicyChanged")).isEqualTo(1);
  }

  private int audited(UUID user, String action) {
    return jdbc.sql("select count(*) from audit_entry where actor_id = :u and action = :a")
        .param("u", user)
        .param("a", action)
        .query(Integer.class)
        .single();
  }
}
