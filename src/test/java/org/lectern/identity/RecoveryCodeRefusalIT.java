package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A single-use recovery code is not wasted by a request refused for its body: everything the body
 * can be refused for is checked before the code is spent, and a code spent for a request that is
 * refused afterwards is given back. Two requests with the same code: exactly one gets it.
 */
class RecoveryCodeRefusalIT extends IntegrationTest {

  @Autowired Fixtures fixtures;
  @Autowired UserService users;
  @Autowired SecondFactors factors;
  @Autowired ApiTokenService tokens;
  @Autowired DataSource dataSource;

  /** An organiser with the authenticator app; returns their ten recovery codes. */
  private List<String> enrolled(LecternUser u) {
    byte[] secret = Base32.decode(factors.setup(u).orElseThrow().secret());
    return factors.confirm(u, Totp.code(secret, Totp.step(java.time.Instant.now())));
  }

  private Http.Response token(LecternUser u, String otp, String name, String lang) {
    return new Http(baseUrl())
        .postJson(
            "/api/v1/auth/tokens",
            Http.map("email", u.email(), "password", Fixtures.PASSWORD, "otp", otp, "name", name),
            "Accept-Language",
            lang);
  }

  @Test
  void aTokenRefusedForItsNameLeavesTheCodeUsable() {
    LecternUser u = fixtures.organiser("recovery-token");
    List<String> codes = enrolled(u);
    String code = codes.get(0);

    var refused = token(u, code, "laptop\u0007", "ru");
    assertThat(refused.status()).isEqualTo(422);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("name");
    assertThat(error.get("message").asString()).contains("управляющий символ");
    var tooLong = token(u, code, "x".repeat(ApiTokenService.MAX_NAME + 1), "kk");
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(factors.unusedRecoveryCodes(u.id())).isEqualTo(10);

    assertThat(token(u, code, "laptop", "en").status()).isEqualTo(201);
    assertThat(factors.unusedRecoveryCodes(u.id())).isEqualTo(9);
    var again = token(u, code, "laptop", "en");
    assertThat(again.status()).as("still single-use").isEqualTo(401);
  }

  @Test
  void aStepUpCallRefusedForItsBodyGivesTheCodeBack() {
    Http http = new Http(baseUrl());
    LecternUser admin = fixtures.organiser("recovery-stepup");
    UUID org = fixtures.organisationOf(admin);
    users.grantOrganisationRole(org, admin.id(), "ADMIN");
    List<String> codes = enrolled(admin);
    String code = codes.get(2);
    // An account of no organisation (another organisation's would be no account to these routes).
    UUID other =
        users.create(
            "recovery-other-" + UUID.randomUUID() + "@example.org",
            "Recovery Other",
            Fixtures.PASSWORD,
            false);
    String stale = "Bearer " + tokens.issue(admin.id(), "old").token();
    String members = "/api/v1/organisations/" + org + "/members";

    // Refused by the body's validation (role longer than 20): the code is never spent.
    var invalid =
        http.postJson(
            members,
            Http.map("userId", other.toString(), "role", "R".repeat(21)),
            "Authorization",
            stale,
            StepUp.HEADER,
            code,
            "Accept-Language",
            "kk");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(factors.unusedRecoveryCodes(admin.id())).isEqualTo(10);
    // Refused by the handler (no such role) after the code was checked: given back.
    var unknownRole =
        http.postJson(
            members,
            Http.map("userId", other.toString(), "role", "OWNER"),
            "Authorization",
            stale,
            StepUp.HEADER,
            code,
            "Accept-Language",
            "ru");
    assertThat(unknownRole.status()).isEqualTo(422);
    assertThat(unknownRole.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
    assertThat(factors.unusedRecoveryCodes(admin.id())).isEqualTo(10);
    assertThat(audited(admin.id(), "account.recoveryCodeReturned")).isEqualTo(1);

    var added =
        http.postJson(
            members,
            Http.map("userId", other.toString(), "role", "MEMBER"),
            "Authorization",
            stale,
            StepUp.HEADER,
            code);
    assertThat(added.status()).isEqualTo(201);
    assertThat(factors.unusedRecoveryCodes(admin.id())).isEqualTo(9);
    var replay =
        http.patchJson(
            members + "/" + other,
            Http.map("role", "ADMIN"),
            "Authorization",
            stale,
            StepUp.HEADER,
            code);
    assertThat(replay.status()).as("a spent code").isEqualTo(401);
    assertThat(replay.json().get("type").asString())
        .isEqualTo("urn:lectern:problem:stepUpRequired");
  }

  @Test
  void twoRequestsWithTheSameCodeExactlyOneGetsIt() throws Exception {
    LecternUser u = fixtures.organiser("recovery-race");
    String code = enrolled(u).get(5);
    // The test holds the code's row, as a first request still running would: both requests must
    // reach the point where they mark the code used (or wait for the account's attempt counter
    // behind the other) before either can.
    try (Connection held = dataSource.getConnection()) {
      held.setAutoCommit(false);
      try (var lock =
          held.prepareStatement(
              "select 1 from second_factor_recovery_code where user_id = ? for update")) {
        lock.setObject(1, u.id());
        lock.executeQuery();
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Http.Response>> pending = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          String name = "race-" + i;
          pending.add(pool.submit(() -> token(u, code, name, "en")));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> waitingOnLocks() == 2);
        held.rollback();
        List<Integer> statuses = new ArrayList<>();
        for (var f : pending) {
          statuses.add(f.get().status());
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 401);
      } finally {
        pool.shutdown();
      }
    }
    assertThat(factors.unusedRecoveryCodes(u.id())).isEqualTo(9);
    assertThat(tokens.active(u.id())).hasSize(1);
  }

  private int waitingOnLocks() {
    return jdbc.sql(
            """
            select count(*) from pg_stat_activity
            where pid <> pg_backend_pid() and wait_event_type = 'Lock'
              and datname = current_database()
            """)
        .query(Integer.class)
        .single();
  }

  private int audited(UUID user, String action) {
    return jdbc.sql("select count(*) from audit_entry where actor_id = :u and action = :a")
        .param("u", user)
        .param("a", action)
        .query(Integer.class)
        .single();
  }
}
