package org.lectern.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;

/**
 * One real PostgreSQL per test JVM, in a fresh temporary directory. It stops when the JVM exits,
 * after Spring has closed every application context of the tests: a context closed after the
 * database had stopped would wait, in its pool, for a connection that never comes (30 s each, and
 * Surefire kills a fork that is still exiting after 30 s).
 */
public final class TestDatabase {

  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  public static synchronized EmbeddedPostgres get() {
    if (postgres == null) {
      try {
        Path dir = Files.createTempDirectory("lectern-test-pg");
        postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                // Not its own shutdown hook, which runs at the same time as Spring's.
                .setRegisterShutdownHook(false)
                .start();
        SpringApplication.getShutdownHandlers().add(TestDatabase::stop);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres;
  }

  private static synchronized void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String jdbcUrl() {
    return get().getJdbcUrl("postgres", "postgres");
  }
}
