package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registrations API over HTTP: create, duplicates, Idempotency-Key, list, cancel, audit. */
class RegistrationApiIT extends OrganisationIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  final HttpClient http = HttpClient.newHttpClient();

  String token;

  @BeforeAll
  void token() {
    token = fx.token(organiser);
  }

  @Test
  void createsThenAnswers200ForTheSameEmail() throws Exception {
    UUID p = fx.programme(org, 1, true, false);
    var first =
        post(
            p,
            "{\"email\":\"asel@example.kz\",\"fullName\":\"Асель\",\"region\":\"KZ-75\","
                + "\"profession\":\"advocate\",\"language\":\"kk\"}",
            null,
            null);
    assertThat(first.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(first.body());
    assertThat(body.get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(first.headers().firstValue("Location"))
        .contains("/api/v1/registrations/" + body.get("id").asString());
    var again = post(p, "{\"email\":\"ASEL@example.kz\",\"fullName\":\"Asel\"}", null, null);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("id").asString())
        .isEqualTo(body.get("id").asString());
    var second = post(p, "{\"email\":\"bolat@example.kz\",\"fullName\":\"Bolat\"}", null, null);
    assertThat(JSON.readTree(second.body()).get("status").asString()).isEqualTo("WAITLISTED");
    assertThat(JSON.readTree(second.body()).get("waitlistPosition").asInt()).isEqualTo(1);
  }

  /**
   * An organiser's keyless registration checked against the node's copy is answered by the
   * controller itself (issue 16, thirteenth pass), the others by Spring: the same status, headers
   * and body shape either way, for a new address (201) and a known one (200).
   */
  @Test
  void theAnswerWrittenByTheControllerIsTheAnswerSpringWrites() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    List<HttpResponse<String>> keyless = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      keyless.add(post(p, "{\"email\":\"w" + i + "@example.kz\",\"fullName\":\"W\"}", null, null));
    }
    var keyed =
        post(
            p,
            "{\"email\":\"k@example.kz\",\"fullName\":\"K\"}",
            UUID.randomUUID().toString(),
            null);
    var knownKeyless = post(p, "{\"email\":\"w2@example.kz\",\"fullName\":\"W\"}", null, null);
    var knownKeyed =
        post(
            p,
            "{\"email\":\"w1@example.kz\",\"fullName\":\"W\"}",
            UUID.randomUUID().toString(),
            null);
    for (var r : keyless) {
      assertThat(r.statusCode()).isEqualTo(201);
      assertSameAnswer(r, keyed);
    }
    assertThat(knownKeyless.statusCode()).isEqualTo(200);
    assertThat(knownKeyed.statusCode()).isEqualTo(200);
    assertSameAnswer(knownKeyless, knownKeyed);
    assertThat(knownKeyless.headers().firstValue("Location")).isEmpty();
    assertThat(JSON.readTree(knownKeyless.body()).get("id").asString())
        .isEqualTo(JSON.readTree(keyless.get(2).body()).get("id").asString());
  }

  private static void assertSameAnswer(HttpResponse<String> a, HttpResponse<String> b)
      throws Exception {
    var ah = new java.util.TreeMap<>(a.headers().map());
    var bh = new java.util.TreeMap<>(b.headers().map());
    for (var h : List.of("date", "location", "content-length")) {
      assertThat(ah.containsKey(h)).as(h).isEqualTo(bh.containsKey(h));
      ah.remove(h);
      bh.remove(h);
    }
    assertThat(ah).isEqualTo(bh);
    assertThat(a.headers().firstValue("content-length"))
        .contains(
            Integer.toString(a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    JsonNode ab = JSON.readTree(a.body());
    JsonNode bb = JSON.readTree(b.body());
    assertThat(ab.propertyNames()).containsExactlyElementsOf(bb.propertyNames());
    assertThat(a.body()).startsWith("{\"id\":\"");
    if (ab.has("id") && a.statusCode() == 201) {
      assertThat(a.headers().firstValue("Location"))
          .contains("/api/v1/registrations/" + ab.get("id").asString());
    }
  }

  @Test
  void idempotencyKeyReplaysTheFirstAnswer() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    String json = "{\"email\":\"key@example.kz\",\"fullName\":\"Key\"}";
    String key = UUID.randomUUID().toString();
    var a = post(p, json, key, null);
    var b = post(p, json, key, null);
    assertThat(a.statusCode()).isEqualTo(201);
    assertThat(b.statusCode()).isEqualTo(201); // replayed, not "200 existing"
    assertThat(b.body()).isEqualTo(a.body());
    assertThat(b.headers().firstValue("Location")).isEqualTo(a.headers().firstValue("Location"));
    assertThat(b.headers().firstValue("Idempotent-Replayed")).contains("true");
    // The same key with another body: 422 on the Idempotency-Key field, as for every other POST
    // (this endpoint answered 409 registration.idempotencyKeyReused before the implementations
    // were merged).
    var other = post(p, "{\"email\":\"other@example.kz\",\"fullName\":\"Other\"}", key, null);
    assertThat(other.statusCode()).isEqualTo(422);
    JsonNode error = JSON.readTree(other.body()).get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("Idempotency-Key");
    assertThat(error.get("code").asString()).isEqualTo("idempotency.mismatch");
    assertThat(fx.count(p)).isEqualTo(1);
    // The key is the caller's, not the programme's: the same body for another programme differs.
    UUID q = fx.programme(org, 10, true, false);
    assertThat(post(q, json, key, null).statusCode()).isEqualTo(422);
    assertThat(fx.count(q)).isZero();
  }

  @Test
  void concurrentPostsWithOneKeyRegisterOnceAndAllGetTheFirstAnswer() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    String json = "{\"email\":\"together@example.kz\",\"fullName\":\"Together\"}";
    String key = UUID.randomUUID().toString();
    int n = 5;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  // As the organiser: anonymous posts would meet the per-address rate limit.
                  return send(
                      HttpRequest.newBuilder(uri("/api/v1/programmes/" + p + "/registrations"))
                          .header("Authorization", "Bearer " + token)
                          .header("Content-Type", "application/json")
                          .header("Idempotency-Key", key)
                          .POST(HttpRequest.BodyPublishers.ofString(json)));
                }));
      }
      start.countDown();
      for (var f : futures) {
        answers.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
    assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.get(0).body());
    assertThat(answers)
        .filteredOn(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty())
        .hasSize(1);
    assertThat(fx.count(p)).isEqualTo(1);
  }

  @Test
  void invalidInputIs422WithFieldErrorsInTheLanguageAndNothingIsSaved() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    var r =
        post(p, "{\"email\":\"not-an-email\",\"fullName\":\"\",\"region\":\"KZ-99\"}", null, "ru");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode errors = JSON.readTree(r.body()).get("errors");
    assertThat(errors.toString())
        .contains(
            "\"field\":\"email\"", "\"field\":\"fullName\"", "\"field\":\"region\"", "Введите");
    assertThat(fx.count(p)).isZero();
    // The public path checks what was typed the same way (it depends on no address's state).
    var anonymous =
        postAnonymously(p, "{\"email\":\"not-an-email\",\"fullName\":\"\",\"region\":\"KZ-99\"}");
    assertThat(anonymous.statusCode()).isEqualTo(422);
    assertThat(anonymous.body()).contains("\"field\":\"email\"", "\"field\":\"fullName\"");
    assertThat(
            jdbc.sql("select count(*) from registration_request where programme_id = :p")
                .param("p", p)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void draftsTakeRegistrationsFromOrganisersOnly() throws Exception {
    UUID draft = fx.programme(org, 10, true, false, false);
    String json = "{\"email\":\"d@example.kz\",\"fullName\":\"D\"}";
    assertThat(postAnonymously(draft, json).statusCode()).isEqualTo(404);
    var byOrganiser =
        send(
            HttpRequest.newBuilder(uri("/api/v1/programmes/" + draft + "/registrations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    assertThat(byOrganiser.statusCode()).isEqualTo(201);
  }

  @Test
  void listIsForOrganisersAuditedAndPaged_DeleteCancelsAndPromotes() throws Exception {
    UUID p = fx.programme(org, 1, true, false);
    String a =
        JSON.readTree(
                post(p, "{\"email\":\"l1@example.kz\",\"fullName\":\"L1\"}", null, null).body())
            .get("id")
            .asString();
    String b =
        JSON.readTree(
                post(p, "{\"email\":\"l2@example.kz\",\"fullName\":\"L2\"}", null, null).body())
            .get("id")
            .asString();
    assertThat(
            send(HttpRequest.newBuilder(uri("/api/v1/programmes/" + p + "/registrations")))
                .statusCode())
        .isEqualTo(401);
    var list = get("/api/v1/programmes/" + p + "/registrations?status=WAITLISTED&limit=10");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("X-Total-Count")).contains("1");
    assertThat(JSON.readTree(list.body()).get(0).get("email").asString())
        .isEqualTo("l2@example.kz");
    assertThat(auditCount("registration.listed", p.toString())).isEqualTo(1);
    // A status the API does not know: 400, naming the parameter to fix, and nothing listed.
    var unknown = get("/api/v1/programmes/" + p + "/registrations?status=NOPE");
    assertThat(unknown.statusCode()).isEqualTo(400);
    var problem = JSON.readTree(unknown.body());
    assertThat(problem.get("code").asString()).isEqualTo("error.malformed");
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("status");
    assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("validation.choice");
    assertThat(auditCount("registration.listed", p.toString())).isEqualTo(1);

    var del =
        send(
            HttpRequest.newBuilder(uri("/api/v1/registrations/" + a))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    assertThat(del.statusCode()).isEqualTo(204);
    var all = JSON.readTree(get("/api/v1/programmes/" + p + "/registrations").body());
    assertThat(all.toString()).contains("\"id\":\"" + b + "\",\"status\":\"CONFIRMED\"");
    var again =
        send(
            HttpRequest.newBuilder(uri("/api/v1/registrations/" + a))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(auditCount("registration.cancelled", a)).isEqualTo(1);
  }

  @Test
  void anotherOrganisationsOrganiserSeesNothing() throws Exception {
    UUID p = fx.programme(org, 10, true, false);
    var stranger = fx.organiser(fx.organisation());
    var r =
        send(
            HttpRequest.newBuilder(uri("/api/v1/programmes/" + p + "/registrations"))
                .header("Authorization", "Bearer " + fx.token(stranger)));
    assertThat(r.statusCode()).isIn(403, 404);
  }

  HttpResponse<String> postAnonymously(UUID p, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/programmes/" + p + "/registrations"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  int auditCount(String action, String subject) {
    return jdbc.sql("select count(*) from audit_entry where action = :a and subject_id = :s")
        .param("a", action)
        .param("s", subject)
        .query(Integer.class)
        .single();
  }

  /**
   * Posts as the programme's organiser: the contract that answers with the registration (201/200).
   * The public contract (202, the same for every address) is in {@link RegistrationOptInIT}.
   */
  HttpResponse<String> post(UUID p, String json, String key, String lang) throws Exception {
    var b =
        HttpRequest.newBuilder(uri("/api/v1/programmes/" + p + "/registrations"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    if (lang != null) {
      b.header("Accept-Language", lang);
    }
    return send(b);
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token));
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create(baseUrl() + path);
  }
}
