package org.lectern.support;

import org.lectern.LecternApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Lectern node on the shared embedded PostgreSQL, started once per test JVM (about as
 * costly as a test context) and shared by the tests that need two nodes. Same settings as the
 * shared context: the same data directory (so the same personal-data key), no background jobs.
 */
public final class SecondNode {

  private static ConfigurableApplicationContext node;

  private SecondNode() {}

  public static synchronized ConfigurableApplicationContext get() {
    if (node == null) {
      node =
          new SpringApplicationBuilder(LecternApplication.class)
              .properties(
                  "spring.datasource.url=" + TestDatabase.jdbcUrl(),
                  "spring.datasource.username=postgres",
                  "spring.datasource.password=",
                  "spring.jmx.enabled=false")
              // As arguments, which outrank application.yml: both nodes must share the data
              // directory (the personal-data key) to read each other's encrypted rows; and the
              // ports are free ones (as default properties, application.yml's 8080 and 8081 won:
              // the second node failed to start whenever Lectern itself ran on this machine).
              .run(
                  "--server.port=0",
                  "--management.server.port=0",
                  "--lectern.data-dir="
                      + System.getProperty("java.io.tmpdir")
                      + "/lectern-test-data",
                  "--lectern.demo=false",
                  "--lectern.second-factor.default-policy=OFFERED",
                  "--lectern.mail.neutral-from=training@example.org",
                  "--db-scheduler.enabled=false");
      // Closed at exit by Spring's shutdown hook, like the tests' own contexts, before the test
      // database stops (TestDatabase).
    }
    return node;
  }

  public static int port() {
    return Integer.parseInt(get().getEnvironment().getProperty("local.server.port"));
  }

  public static String baseUrl() {
    return "http://127.0.0.1:" + port();
  }
}
