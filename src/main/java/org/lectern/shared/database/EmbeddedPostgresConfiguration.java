package org.lectern.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the application when no external database is configured, so that one
 * command runs Lectern. The data directory is persistent: a restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  static final String AUTOVACUUM_NAPTIME = "5s";

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(@Value("${lectern.data-dir}") String dataDir) {
    Path pgData = Path.of(dataDir, "postgres").toAbsolutePath();
    try {
      Files.createDirectories(pgData.getParent());
      removeStaleLock(pgData);
      log.info("Starting embedded PostgreSQL with data in {}", pgData);
      return EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "200")
          .setServerConfig("fsync", "on")
          // The library's default is off: a crash could lose commits already acknowledged (a
          // registration someone was told about). Every commit waits for its WAL on disk.
          .setServerConfig("synchronous_commit", "on")
          // The queue tables (the mail due list, the free-seat stock) are claimed from their head,
          // where every claim leaves a dead index entry that later claims read again until a vacuum
          // removes it; autovacuum looks at a table once per naptime (default a minute: 70,000
          // mails at a burst's rate). Every 5 s bounds that to a twelfth (issue 16, twelfth pass).
          .setServerConfig("autovacuum_naptime", AUTOVACUUM_NAPTIME)
          // Stopped by this bean's close, after everything that uses the database — not by the
          // library's own shutdown hook, which would stop it at once, under requests that a
          // graceful shutdown is still finishing and listeners still completing their events.
          .setRegisterShutdownHook(false)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
    }
  }

  @Bean
  DataSource dataSource(
      EmbeddedPostgres postgres,
      @org.springframework.beans.factory.annotation.Value("${lectern.database.pool-size:20}")
          int poolSize) {
    return PooledDataSource.of(
        postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", poolSize);
  }

  // A killed JVM leaves postmaster.pid behind; PostgreSQL would refuse to start.
  private static void removeStaleLock(Path pgData) throws IOException {
    Path pid = pgData.resolve("postmaster.pid");
    if (!Files.exists(pid)) {
      return;
    }
    String first = Files.readAllLines(pid).stream().findFirst().orElse("").trim();
    boolean alive =
        !first.isEmpty()
            && ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
    if (!alive) {
      log.warn("Removing stale PostgreSQL lock file {}", pid);
      Files.delete(pid);
    }
  }
}
