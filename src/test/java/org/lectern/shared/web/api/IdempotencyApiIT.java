package org.lectern.shared.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.support.Http.map;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code Idempotency-Key} on the creating POSTs of programmes, sessions and users: concurrent
 * duplicates, failed requests, another body with the same key, scopes.
 */
class IdempotencyApiIT extends IntegrationTest {

  static final int THREADS = 6;

  @Autowired Fixtures fixtures;
  @Autowired UserService users;
  @Autowired DataSource dataSource;

  Http http;
  LecternUser organiser;
  String token;
  String otherToken;

  @BeforeAll
  void setUp() {
    http = new Http(baseUrl());
    organiser = fixtures.organiser("idem");
    token = tokenFor(organiser);
    otherToken = tokenFor(fixtures.organiser("idem-other"));
  }

  // --- programmes ---

  @Test
  void concurrentProgrammePostsWithOneKeyCreateOneProgrammeAndAllGetItsAnswer() throws Exception {
    String slug = slug();
    String key = key();
    var answers = together(THREADS, () -> postProgramme(programme(slug), key, token));
    assertAllTheSameCreatedAnswer(answers);
    assertThat(programmesWithSlug(slug)).isEqualTo(1);
  }

  @Test
  void aDuplicateWaitsForTheKeyThenRunsOrReplays() throws Exception {
    // The test holds the key in an open transaction, as a first request still running would; two
    // duplicates must wait for it. It then rolls back (the first request failed): one duplicate
    // claims the key and creates, the other waits for that one and replays its answer.
    String slug = slug();
    String key = key();
    try (Connection held = dataSource.getConnection()) {
      held.setAutoCommit(false);
      try (var insert =
          held.prepareStatement(
              "insert into idempotency_record (user_key, key, request_hash, status)"
                  + " values (?, ?, 'held', 0)")) {
        insert.setString(1, organiser.id().toString());
        insert.setString(2, key);
        insert.executeUpdate();
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Http.Response>> pending = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          pending.add(pool.submit(() -> postProgramme(programme(slug), key, token)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> waitingOnLocks() == 2);
        assertThat(programmesWithSlug(slug)).isZero();
        held.rollback();
        List<Http.Response> answers = new ArrayList<>();
        for (var f : pending) {
          answers.add(f.get());
        }
        assertAllTheSameCreatedAnswer(answers);
      } finally {
        pool.shutdown();
      }
    }
    assertThat(programmesWithSlug(slug)).isEqualTo(1);
  }

  @Test
  void aReplayIsTheFirstAnswerByteForByte() {
    String key = key();
    Object body = programme(slug());
    var first = postProgramme(body, key, token);
    var again = postProgramme(body, key, token);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header(Idempotency.REPLAYED)).isNull();
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header(Idempotency.REPLAYED)).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body()).contains("Права человека");
    assertThat(again.header("Location"))
        .isEqualTo(first.header("Location"))
        .endsWith("/api/v1/programmes/" + first.json().get("id").asString());
    assertThat(again.header("Content-Type")).startsWith("application/json");
    // Without a key the same body is a new request (and here a taken slug).
    assertThat(http.postJson("/api/v1/programmes", body, auth(token)).status()).isEqualTo(422);
  }

  // A 4xx is not an answer to keep: the failed request changed nothing, the key included, so the
  // caller may correct the request and send it again under the same key (as with Stripe).
  @Test
  void anInvalidProgrammeDoesNotUseUpTheKey() {
    String key = key();
    String slug = slug();
    var invalid = postProgramme(map("slug", slug, "title", map("en", "x")), key, token);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
    assertThat(recordsFor(key)).isZero();

    var corrected = postProgramme(programme(slug), key, token);
    assertThat(corrected.status()).isEqualTo(201);
    assertThat(postProgramme(programme(slug), key, token).body()).isEqualTo(corrected.body());
    assertThat(programmesWithSlug(slug)).isEqualTo(1);
    // Now the key is bound to the corrected request.
    assertMismatch(postProgramme(map("slug", slug, "title", map("en", "x")), key, token));
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    String key = key();
    String slug = slug();
    assertThat(postProgramme(programme(slug), key, token).status()).isEqualTo(201);
    String other = slug();
    assertMismatch(postProgramme(programme(other), key, token));
    assertThat(programmesWithSlug(other)).isZero();
  }

  @Test
  void keysBelongToTheirUser() {
    String key = key();
    var mine = postProgramme(programme(slug()), key, token);
    var theirs = postProgramme(programme(slug()), key, otherToken);
    assertThat(mine.status()).isEqualTo(201);
    assertThat(theirs.status()).isEqualTo(201);
    assertThat(theirs.header(Idempotency.REPLAYED)).isNull();
    assertThat(theirs.json().get("id").asString()).isNotEqualTo(mine.json().get("id").asString());
  }

  @Test
  void aKeyLongerThan200CharactersIsRefused() {
    String slug = slug();
    var r = postProgramme(programme(slug), "k".repeat(201), token);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    assertThat(programmesWithSlug(slug)).isZero();
    assertThat(postProgramme(programme(slug), "k".repeat(200), token).status()).isEqualTo(201);
  }

  // --- sessions ---

  @Test
  void concurrentSessionPostsWithOneKeyCreateOneSessionAndAllGetItsAnswer() throws Exception {
    String programme = newProgramme();
    String key = key();
    var answers = together(THREADS, () -> postSession(programme, session("Fair trial"), key));
    assertAllTheSameCreatedAnswer(answers);
    assertThat(sessionsOf(programme)).isEqualTo(1);
  }

  @Test
  void anInvalidSessionDoesNotUseUpTheKey() {
    String programme = newProgramme();
    String key = key();
    Object backwards =
        map(
            "title",
            "Fair trial",
            "startsAt",
            "2021-02-09T12:00:00+06:00",
            "endsAt",
            "2021-02-09T10:00:00+06:00",
            "mode",
            "ONLINE");
    var invalid = postSession(programme, backwards, key);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(recordsFor(key)).isZero();

    var corrected = postSession(programme, session("Fair trial"), key);
    assertThat(corrected.status()).isEqualTo(201);
    var again = postSession(programme, session("Fair trial"), key);
    assertThat(again.body()).isEqualTo(corrected.body());
    assertThat(again.header("Location")).isEqualTo(corrected.header("Location"));
    assertThat(sessionsOf(programme)).isEqualTo(1);
  }

  @Test
  void aSessionKeyWithAnotherBodyIsRefusedAndKeysAreScopedToTheProgramme() {
    String programme = newProgramme();
    String key = key();
    assertThat(postSession(programme, session("Fair trial"), key).status()).isEqualTo(201);
    assertMismatch(postSession(programme, session("Freedom of expression"), key));
    assertThat(sessionsOf(programme)).isEqualTo(1);
    // The same key on another programme is another key (as before).
    String another = newProgramme();
    assertThat(postSession(another, session("Fair trial"), key).status()).isEqualTo(201);
    assertThat(sessionsOf(another)).isEqualTo(1);
  }

  // --- users ---

  @Test
  void creatingAUserIsReplayedAndAnotherBodyRefused() {
    LecternUser admin = fixtures.organiser("idem-admin");
    users.grantOrganisationRole(fixtures.organisationOf(admin), admin.id(), "ADMIN");
    String adminToken = tokenFor(admin);
    String key = key();
    String email = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    Object body = map("email", email, "fullName", "Aigerim", "password", Fixtures.PASSWORD);
    String[] headers = {"Authorization", "Bearer " + adminToken, "Idempotency-Key", key};
    var first = http.postJson("/api/v1/users", body, headers);
    var again = http.postJson("/api/v1/users", body, headers);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertMismatch(
        http.postJson(
            "/api/v1/users",
            map("email", "x" + email, "fullName", "Other", "password", Fixtures.PASSWORD),
            headers));
    assertThat(users.findByEmail(email)).isPresent();
    assertThat(users.findByEmail("x" + email)).isEmpty();
  }

  @Test
  void aRecordHoldsNoGuessableFingerprintOfAPasswordNorAnAnswerInClear() {
    LecternUser admin = fixtures.organiser("idem-dump");
    users.grantOrganisationRole(fixtures.organisationOf(admin), admin.id(), "ADMIN");
    String key = key();
    String email = "dump-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String password = "kaspi-" + UUID.randomUUID().toString().substring(0, 6);
    var created =
        http.postJson(
            "/api/v1/users",
            map("email", email, "fullName", "Aigerim", "password", password),
            "Authorization",
            "Bearer " + tokenFor(admin),
            "Idempotency-Key",
            key);
    assertThat(created.status()).isEqualTo(201);
    var row =
        jdbc.sql("select request_hash, body, sealed_body from idempotency_record where key = :k")
            .param("k", key)
            .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)})
            .single();
    // An attacker with a dump tries candidate passwords in the bodies a client could have sent.
    for (String candidate : List.of("guess-1", Fixtures.PASSWORD, password)) {
      for (String body :
          List.of(
              "{\"email\":\""
                  + email
                  + "\",\"fullName\":\"Aigerim\",\"password\":\""
                  + candidate
                  + "\",\"language\":null}",
              "{\"email\":\""
                  + email
                  + "\",\"fullName\":\"Aigerim\",\"password\":\""
                  + candidate
                  + "\"}")) {
        assertThat(row[0]).isNotEqualTo(org.lectern.shared.crypto.Sha256.hex(body));
      }
    }
    assertThat(row[1]).isNull();
    assertThat(new String((byte[]) row[2], java.nio.charset.StandardCharsets.ISO_8859_1))
        .isNotEmpty()
        .doesNotContain(created.json().get("id").asString());
  }

  // --- helpers ---

  static void assertAllTheSameCreatedAnswer(List<Http.Response> answers) {
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
    assertThat(answers).extracting(Http.Response::body).containsOnly(answers.get(0).body());
    assertThat(answers)
        .extracting(a -> a.header("Location"))
        .containsOnly(answers.get(0).header("Location"))
        .doesNotContainNull();
    // Exactly one of them did the work; the others were replayed.
    assertThat(answers).filteredOn(a -> a.header(Idempotency.REPLAYED) == null).hasSize(1);
  }

  static void assertMismatch(Http.Response r) {
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonNode error = r.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("Idempotency-Key");
    assertThat(error.get("code").asString()).isEqualTo("idempotency.mismatch");
  }

  /** Runs {@code n} copies of a call at once: all threads wait at a start gate first. */
  static <T> List<T> together(int n, Supplier<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return call.get();
                }));
      }
      ready.await();
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  /** Server connections blocked on a lock while claiming an idempotency key. */
  int waitingOnLocks() {
    return jdbc.sql(
            """
            select count(*) from pg_stat_activity
            where pid <> pg_backend_pid() and wait_event_type = 'Lock'
              and query like '%insert into idempotency_record%'
            """)
        .query(Integer.class)
        .single();
  }

  Http.Response postProgramme(Object body, String key, String bearer) {
    return http.postJson(
        "/api/v1/programmes", body, "Authorization", "Bearer " + bearer, "Idempotency-Key", key);
  }

  Http.Response postSession(String programme, Object body, String key) {
    return http.postJson(
        "/api/v1/programmes/" + programme + "/sessions",
        body,
        "Authorization",
        "Bearer " + token,
        "Idempotency-Key",
        key);
  }

  String newProgramme() {
    var r = http.postJson("/api/v1/programmes", programme(slug()), auth(token));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  static Object programme(String slug) {
    return map(
        "slug",
        slug,
        "title",
        map("ru", "Права человека", "en", "Human rights"),
        "timeZone",
        "Asia/Almaty",
        "languages",
        List.of("ru", "en"),
        "capacity",
        50);
  }

  static Object session(String title) {
    return map(
        "title",
        title,
        "startsAt",
        "2021-02-09T10:00:00+06:00",
        "endsAt",
        "2021-02-09T12:00:00+06:00",
        "mode",
        "ONLINE");
  }

  int programmesWithSlug(String slug) {
    return jdbc.sql("select count(*) from programme where slug = :s")
        .param("s", slug)
        .query(Integer.class)
        .single();
  }

  int sessionsOf(String programme) {
    return jdbc.sql("select count(*) from session where programme_id = :p")
        .param("p", UUID.fromString(programme))
        .query(Integer.class)
        .single();
  }

  int recordsFor(String key) {
    return jdbc.sql("select count(*) from idempotency_record where key = :k")
        .param("k", key)
        .query(Integer.class)
        .single();
  }

  String tokenFor(LecternUser u) {
    var r =
        http.postJson(
            "/api/v1/auth/tokens", map("email", u.email(), "password", Fixtures.PASSWORD));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("token").asString();
  }

  static String[] auth(String t) {
    return new String[] {"Authorization", "Bearer " + t};
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  static String slug() {
    return "i-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
