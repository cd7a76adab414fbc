package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** What operators and integrators rely on: health, metrics, OpenAPI, the first administrator. */
@org.springframework.test.annotation.DirtiesContext
@org.springframework.test.context.TestPropertySource(properties = "lectern.test.jobs=true")
class OperationsIT extends IntegrationTest {

  @Autowired UserService users;
  @Autowired PasswordPolicy policy;

  @Autowired(required = false)
  com.github.kagkarlsson.scheduler.Scheduler scheduler;

  @Test
  void durableJobsRunWithAnExternalDataSource() {
    // The tests use spring.datasource.url, as production with an external PostgreSQL does.
    assertThat(scheduler).as("db-scheduler is created after the data source").isNotNull();
    assertThat(
            scheduler.getSchedulerState().isStarted() || scheduler.getSchedulerState().isPaused())
        .isTrue();
  }

  @org.springframework.boot.test.web.server.LocalManagementPort int managementPort;

  @Test
  void healthIsUpOnTheMainPortAndMetricsOnlyOnTheManagementPort() {
    Http http = new Http(baseUrl());
    var health = http.get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    assertThat(http.get("/actuator/health/readiness").json().get("status").asString())
        .isEqualTo("UP");
    assertThat(http.get("/actuator/health/liveness").json().get("status").asString())
        .isEqualTo("UP");
    assertThat(http.get("/actuator/prometheus").status()).isEqualTo(404);
    assertThat(http.get("/actuator/info").status()).isEqualTo(404);
    assertThat(http.get("/actuator").status()).isEqualTo(404);

    assertThat(managementPort).isNotEqualTo(port);
    var metrics = new Http("http://127.0.0.1:" + managementPort).get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .contains("http_server_requests_seconds_count{")
        .contains("http_server_requests_seconds_sum{");
    // Only the Timer is promised (docs/operations); the per-request LongTaskTimer is ignored (issue
    // 16: it was a tenth of a public confirmation's CPU).
    assertThat(metrics.body()).doesNotContain("http_server_requests_active");
  }

  @Test
  void lecternsOwnFiguresAreOnTheManagementPort() {
    var metrics = new Http("http://127.0.0.1:" + managementPort).get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("lectern_registration_requests_pending ")
        .contains("lectern_mail_outbox_waiting ")
        .contains("lectern_mail_outbox_failed ")
        .contains("lectern_jobs_lag_seconds ")
        .contains("lectern_live_clients ");
    long confirmed =
        jdbc.sql("select count(*) from registration where status = 'CONFIRMED'")
            .query(Long.class)
            .single();
    assertThat(metrics.body())
        .contains("lectern_registrations{status=\"CONFIRMED\"} " + (double) confirmed);
  }

  @Test
  void theManagementPortListensOnLoopbackOnly() {
    assertThat(
            org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("management.server.address", java.net.InetAddress.class)
                .get()
                .isLoopbackAddress())
        .isTrue();
  }

  @Autowired org.springframework.core.env.Environment environment;

  @Test
  void openApiDescribesTheContractAndHasABrowsableUi() {
    Http http = new Http(baseUrl());
    var docs = http.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    var paths = docs.json().get("paths");
    assertThat(paths.has("/api/v1/programmes")).isTrue();
    assertThat(paths.has("/api/v1/programmes/{id}/sessions")).isTrue();
    assertThat(paths.has("/api/v1/auth/tokens")).isTrue();
    assertThat(http.get("/api-docs").status()).isEqualTo(302);
    assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void everyCreatingOperationDocumentsItsIdempotencyKey() {
    var docs = new Http(baseUrl()).get("/v3/api-docs").json();
    for (String path :
        java.util.List.of(
            "/api/v1/users",
            "/api/v1/organisations",
            "/api/v1/organisations/{id}/members",
            "/api/v1/programmes",
            "/api/v1/programmes/{id}/sessions",
            "/api/v1/programmes/{id}/registrations",
            "/api/v1/programmes/{id}/report/publications")) {
      var keys = new java.util.ArrayList<String>();
      docs.get("paths")
          .get(path)
          .get("post")
          .get("parameters")
          .forEach(
              p -> {
                assertThat(p.get("name").asString()).as(path).isNotEqualTo("creation");
                if (p.get("name").asString().equals("Idempotency-Key")) {
                  keys.add(p.get("in").asString() + " " + p.get("required").asBoolean());
                  assertThat(p.get("schema").get("type").asString()).isEqualTo("string");
                }
              });
      assertThat(keys).as(path).containsExactly("header false");
    }
    assertThat(docs.get("components").get("schemas").has("IdempotentCreate")).isFalse();
  }

  @Test
  void theApiDocumentsNoParameterThatIsOnlyThePagesLanguageAndForms() {
    var docs = new Http(baseUrl()).get("/v3/api-docs").json();
    var names = new java.util.ArrayList<String>();
    docs.get("paths")
        .forEach(
            item ->
                item.forEach(
                    operation -> {
                      if (operation.has("parameters")) {
                        operation
                            .get("parameters")
                            .forEach(p -> names.add(p.get("name").asString()));
                      }
                    }));
    assertThat(names).contains("Idempotency-Key").doesNotContain("ui", "post", "Ui", "FormPost");
    assertThat(docs.get("components").get("schemas").has("Ui")).isFalse();
  }

  @Test
  @org.junit.jupiter.api.extension.ExtendWith(
      org.springframework.boot.test.system.OutputCaptureExtension.class)
  void firstAdministratorIsCreatedOnceFromTheEnvironment(
      org.springframework.boot.test.system.CapturedOutput output) throws Exception {
    jdbc.sql("update app_user set platform_admin = false").update();
    String email = "admin-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    new AdminBootstrap(users, policy, email, "steppe-lantern-quiet-71", "Айгерим Сапарова").start();
    var admin = users.findByEmail(email).orElseThrow();
    assertThat(admin.platformAdmin()).isTrue();
    assertThat(admin.fullName()).isEqualTo("Айгерим Сапарова");
    // The log says the administrator was made, never whose address it is.
    assertThat(output.getAll())
        .contains("Created the platform administrator of LECTERN_ADMIN_EMAIL")
        .doesNotContain(email);

    String other = "second-" + email;
    new AdminBootstrap(users, policy, other, "tulip-glacier-echo-42", "").start();
    assertThat(users.findByEmail(other)).isEmpty();

    var token =
        new Http(baseUrl())
            .postJson(
                "/api/v1/auth/tokens",
                Http.map("email", email, "password", "steppe-lantern-quiet-71"));
    assertThat(token.status()).isEqualTo(201);
  }

  @Test
  void aShortAdministratorPasswordIsRefused() {
    jdbc.sql("update app_user set platform_admin = false").update();
    String email = "weak-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new AdminBootstrap(users, policy, email, "short", "").start())
        .isInstanceOf(org.lectern.shared.error.InvalidInputException.class);
    assertThat(users.findByEmail(email)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aCommonAdministratorPasswordStopsTheStart() {
    jdbc.sql("update app_user set platform_admin = false").update();
    String email = "common-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new AdminBootstrap(users, policy, email, "password1234", "").start())
        .isInstanceOf(org.lectern.shared.error.InvalidInputException.class);
    assertThat(users.findByEmail(email)).isEmpty();
  }
}
