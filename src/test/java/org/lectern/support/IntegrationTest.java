package org.lectern.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that start Lectern on a random port against the shared embedded PostgreSQL. The
 * Spring context (and so the database schema) is shared by all such tests; tables that tests fill
 * are emptied after each test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest {

  @LocalServerPort protected int port;

  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add(
        "lectern.data-dir", () -> System.getProperty("java.io.tmpdir") + "/lectern-test-data");
    registry.add("lectern.demo", () -> "false");
    // Metrics listen on their own loopback port; a random one, so test contexts never collide.
    registry.add("management.server.port", () -> "0");
    // Tests sign in as many roles with passwords alone; the installation's default second-factor
    // rule (required for everyone who sees personal data) is tested by the tests of the second
    // factor, which set their organisations' rule explicitly.
    registry.add("lectern.second-factor.default-policy", () -> "OFFERED");
    registry.add("lectern.mail.neutral-from", () -> "training@example.org");
    // Browsers take passkeys only on a domain (not 127.0.0.1): passkey tests open localhost. The
    // port is known once the server runs; the relying party reads this on first use.
    registry.add("lectern.passkeys.origins", () -> "http://localhost:${local.server.port}");
    // Several test contexts share one database; a background job of one would take the mail or
    // reminders of another. Tests send explicitly; those that test the jobs switch them on.
    // (A test class that needs them sets @TestPropertySource(properties =
    // "lectern.test.jobs=true").)
    registry.add("db-scheduler.enabled", () -> "${lectern.test.jobs:false}");
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @AfterAll
  void cleanDatabase() {
    TestData.clean(jdbc);
  }
}
