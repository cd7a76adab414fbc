package org.lectern.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lectern.LecternApplication;
import org.lectern.support.IntegrationTest;
import org.lectern.support.TestDatabase;

/**
 * A start that fails must end the process with a non-zero status, so a service manager sees the
 * failure and restarts or alerts: no thread may keep the JVM alive. A second Lectern is started as
 * a real process on the port this test's server already holds.
 */
class FailedStartIT extends IntegrationTest {

  @Test
  void aTakenPortEndsTheProcessWithAnError() throws Exception {
    Path log = Files.createTempFile("lectern-failed-start", ".log");
    Path dataDir = Files.createTempDirectory("lectern-failed-start");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx384m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LecternApplication.class.getName(),
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--management.server.port=0",
                    "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--lectern.data-dir=" + dataDir,
                    "--lectern.demo=false",
                    "--db-scheduler.enabled=false"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    // A deadline against a hang, not a timing assertion: a hanging JVM never exits at all.
    boolean exited = child.waitFor(5, TimeUnit.MINUTES);
    if (!exited) {
      child.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(exited).as("the process ended by itself; its output:%n%s", output).isTrue();
    assertThat(child.exitValue()).isNotZero();
    assertThat(output).contains("APPLICATION FAILED TO START").contains("already in use");
  }
}
