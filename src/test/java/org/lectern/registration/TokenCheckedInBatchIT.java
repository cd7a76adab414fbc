package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.support.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An organiser's registration without a key is authenticated by the node's note of its token and
 * the token is checked by the registration batch, in one statement for the batch (ADR 0004,
 * amendment "the token checked in the batch"). Each test lets the second node note the token (and
 * hold the programme's copy) with a first request, changes the token through the first node or the
 * database, and sends the next request to the second node: a token that no longer works gets the
 * filter's own 401 — the same answer as from the first node — and nothing is written.
 */
class TokenCheckedInBatchIT extends OrganisationIT {

  final HttpClient http = HttpClient.newHttpClient();

  @Autowired DataSource dataSource;

  String baseB;

  @BeforeAll
  void secondNode() {
    baseB = SecondNode.baseUrl();
  }

  private HttpRequest request(String base, String token, UUID p, String body) {
    return HttpRequest.newBuilder(URI.create(base + "/api/v1/programmes/" + p + "/registrations"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpResponse<String> post(String base, String token, UUID p, String body)
      throws Exception {
    return http.send(request(base, token, p, body), HttpResponse.BodyHandlers.ofString());
  }

  private static String person(String email) {
    return "{\"email\":\"" + email + "\",\"fullName\":\"Делегат\",\"language\":\"ru\"}";
  }

  /** A programme registered into once through the second node with the token: noted there. */
  private UUID warmOnB(String token) throws Exception {
    UUID p = fx.programme(org, 100, true, false);
    var first = post(baseB, token, p, person("warm-" + p + "@example.kz"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    return p;
  }

  private int requests(UUID p) {
    return jdbc.sql("select count(*) from registration_request where programme_id = :p")
        .param("p", p)
        .query(Integer.class)
        .single();
  }

  /** Server connections waiting for a lock that the session {@code holder} holds. */
  private int waitingFor(int holder) {
    return jdbc.sql("select count(*) from pg_stat_activity where :h = any(pg_blocking_pids(pid))")
        .param("h", holder)
        .query(Integer.class)
        .single();
  }

  @Test
  void aTokenRevokedBetweenTheRequestsArrivalAndItsBatchIsRefusedAndNothingIsWritten()
      throws Exception {
    var issued = tokens.issue(organiser.id(), "batch");
    UUID p = warmOnB(issued.token());
    String email = "between-" + p + "@example.kz";
    CompletableFuture<HttpResponse<String>> answer;
    try (Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      int holder;
      try (var st =
          lock.prepareStatement("select pg_backend_pid() from programme where id = ? for update")) {
        st.setObject(1, p);
        try (var rs = st.executeQuery()) {
          rs.next();
          holder = rs.getInt(1);
        }
      }
      // The request has arrived and authenticated; its batch waits for the programme's lock.
      answer =
          http.sendAsync(
              request(baseB, issued.token(), p, person(email)),
              HttpResponse.BodyHandlers.ofString());
      await().atMost(Duration.ofSeconds(30)).until(() -> waitingFor(holder) > 0);
      // Revoked on the other node while the batch waits: its own statement finds it revoked.
      assertThat(tokens.revoke(organiser.id(), issued.id())).isTrue();
      lock.rollback();
    }
    var refused = answer.get();
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(fx.count(p)).isOne();
    // Exactly the answer the filter gives to a revoked token on a node that reads it.
    assertThat(post(baseUrl(), issued.token(), p, person(email)).body()).isEqualTo(refused.body());
    assertThat(post(baseB, issued.token(), p, person(email)).body()).isEqualTo(refused.body());
    assertThat(fx.count(p)).isOne();
  }

  @Test
  void aTokenExpiredSinceTheNodeNotedItIsRefusedAndNothingIsWritten() throws Exception {
    var issued = tokens.issue(organiser.id(), "expiring");
    UUID p = warmOnB(issued.token());
    jdbc.sql("update api_token set expires_at = now() - interval '1 second' where id = :id")
        .param("id", issued.id())
        .update();

    String email = "expired-" + p + "@example.kz";
    var refused = post(baseB, issued.token(), p, person(email));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
    assertThat(fx.count(p)).isOne();
    assertThat(post(baseUrl(), issued.token(), p, person(email)).body()).isEqualTo(refused.body());
  }

  @Test
  void aRevokedTokenGetsTheFiltersAnswerWhateverTheRequestWouldHaveBeenAnswered() throws Exception {
    var issued = tokens.issue(organiser.id(), "malformed");
    UUID p = warmOnB(issued.token());
    assertThat(tokens.revoke(organiser.id(), issued.id())).isTrue();
    String expected = post(baseUrl(), issued.token(), p, person("x-" + p + "@example.kz")).body();

    // A malformed body, a missing address: not 400 or 422, the filter's 401.
    for (String body : new String[] {"{", "{\"fullName\":\"Делегат\"}", "null"}) {
      var refused = post(baseB, issued.token(), p, body);
      assertThat(refused.statusCode()).as(body + " → " + refused.body()).isEqualTo(401);
      assertThat(refused.body()).isEqualTo(expected);
    }
    assertThat(fx.count(p)).isOne();
  }

  @Test
  void aTokenOfAnotherOrganisationGetsThePublicAnswerAndOnceRevokedTheFilters() throws Exception {
    UUID other = fx.organisation();
    LecternUser stranger = fx.organiser(other);
    var issued = tokens.issue(stranger.id(), "stranger");
    UUID p = warmOnB(fx.token(organiser));

    // Noted on B by its first request; the second is authenticated by the note: the stranger does
    // not manage the programme, so the token is read before the public answer, as before.
    for (String email : new String[] {"s1-" + p + "@example.kz", "s2-" + p + "@example.kz"}) {
      var r = post(baseB, issued.token(), p, person(email));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      assertThat(r.body()).isEqualTo(RegistrationApiController.ACCEPTED);
    }
    int before = fx.count(p) + requests(p);

    assertThat(tokens.revoke(stranger.id(), issued.id())).isTrue();
    var refused = post(baseB, issued.token(), p, person("s3-" + p + "@example.kz"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
    assertThat(fx.count(p) + requests(p)).isEqualTo(before);
  }

  @Test
  void aPlatformAdministratorDemotedSinceTheNoteIsAnsweredAsTheAccountReadNow() throws Exception {
    UUID adminId =
        users.create(
            "admin-" + UUID.randomUUID() + "@example.org", "Admin", "a-long-password-123", true);
    var issued = tokens.issue(adminId, "admin");
    UUID p = warmOnB(issued.token());
    jdbc.sql("update app_user set platform_admin = false where id = :id")
        .param("id", adminId)
        .update();

    // The batch finds the account changed: not registered as an organiser's request; read again,
    // the account manages nothing, so it gets the public answer, as from a node that reads it.
    var r = post(baseB, issued.token(), p, person("demoted-" + p + "@example.kz"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(r.body()).isEqualTo(RegistrationApiController.ACCEPTED);
    assertThat(fx.count(p)).isOne();
  }

  /**
   * The second node hands out an account's registrations from permits it took for the minute
   * (LeasedPermits) before the token is checked by the batch: a revoked token's requests must give
   * them back, or whoever stole and lost a token could spend the real holder's allowance (120 a
   * minute) with 401s. Run in one minute's window: started early in a minute (the requests take
   * seconds), since a new window would give the holder a full allowance whatever the old one lost.
   */
  @Test
  void aRevokedTokensRequestsCostTheAccountsHolderNoRegistration() throws Exception {
    int allowance = 120; // lectern.registration.rate-limit.per-user-per-minute's default
    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> java.time.Instant.now().getEpochSecond() % 60 < 20);
    long minute = java.time.Instant.now().getEpochSecond() / 60;
    LecternUser holder = fx.organiser(org);
    var lost = tokens.issue(holder.id(), "lost");
    UUID p = warmOnB(lost.token()); // one of the minute's registrations; B holds permits in hand
    assertThat(tokens.revoke(holder.id(), lost.id())).isTrue(); // on the other node

    for (int i = 0; i < 30; i++) {
      var refused = post(baseB, lost.token(), p, person("stolen-" + i + "-" + p + "@example.kz"));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
    }
    assertThat(fx.count(p)).isOne();

    // The holder's new token, on the same node: the rest of the minute's allowance, all of it.
    String fresh = tokens.issue(holder.id(), "fresh").token();
    int created = 0;
    for (int i = 1; i < allowance; i++) {
      var r = post(baseB, fresh, p, person("own-" + i + "-" + p + "@example.kz"));
      assertThat(r.statusCode()).as("registration " + i + ": " + r.body()).isEqualTo(201);
      created++;
    }
    assertThat(created).isEqualTo(allowance - 1);
    assertThat(fx.count(p)).isEqualTo(allowance);
    if (java.time.Instant.now().getEpochSecond() / 60 == minute) {
      // Still the same window: the allowance is exact, not more.
      var over = post(baseB, fresh, p, person("over-" + p + "@example.kz"));
      assertThat(over.statusCode()).as(over.body()).isEqualTo(429);
    }
  }
}
