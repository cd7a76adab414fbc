package org.lectern.attendance.importing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.report.AttendanceReportReader;
import org.lectern.attendance.report.ReadContext;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.registration.RegistrationRequest;
import org.lectern.registration.RegistrationService;
import org.lectern.session.Session;
import org.lectern.session.SessionInput;
import org.lectern.session.SessionService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Attendance import (BENCHMARKS.md): a generated 10,000-row Zoom participants report (5,000 people,
 * each with a rejoin overlapping the first join) matched against 5,000 registrations and stored.
 * Not a test (the name ends in neither IT nor Test): run it with the command in BENCHMARKS.md. Uses
 * a fresh embedded PostgreSQL configured like production (fsync and synchronous commit on).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttendanceImportBench {

  static final int PEOPLE = Integer.getInteger("bench.people", 5000);
  static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 5000);
  static final int RUNS = Integer.getInteger("bench.runs", 5);
  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
  static EmbeddedPostgres postgres;

  @Autowired Fixtures fixtures;
  @Autowired ProgrammeService programmes;
  @Autowired SessionService sessions;
  @Autowired RegistrationService registrations;
  @Autowired AttendanceImportService imports;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("lectern-bench-pg"))
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("management.server.port", () -> "0");
    registry.add("lectern.data-dir", () -> System.getProperty("java.io.tmpdir") + "/lectern-bench");
    registry.add("lectern.demo", () -> "false");
  }

  @Test
  void importTenThousandRows() throws Exception {
    LecternUser organiser = fixtures.organiser("bench");
    var p =
        programmes.create(
            organiser,
            fixtures.organisationOf(organiser),
            ProgrammeInput.validate(
                new ProgrammeInput.Raw(
                    "bench-" + UUID.randomUUID().toString().substring(0, 6),
                    LocalizedText.of("en", "Bench"),
                    LocalizedText.empty(),
                    List.of("en", "ru", "kk"),
                    "Asia/Almaty",
                    null,
                    null,
                    true,
                    false)));
    long setup = System.nanoTime();
    for (int i = 0; i < REGISTRATIONS; i++) {
      registrations.register(
          p.id(),
          RegistrationRequest.minimal("Aigerim Testova" + i, "delegate" + i + "@advokat.kz", "ru"),
          organiser);
    }
    double setupSeconds = (System.nanoTime() - setup) / 1e9;
    byte[] report = report(PEOPLE).getBytes(StandardCharsets.UTF_8);

    // Warm-up on its own session (JIT, caches), then measured runs on fresh sessions.
    imports.importFile(organiser, session(organiser, p.id()).id(), report, ImportChoices.none());
    List<Long> totals = new ArrayList<>();
    List<Long> parses = new ArrayList<>();
    ImportSummary last = null;
    for (int r = 0; r < RUNS; r++) {
      Session s = session(organiser, p.id());
      long t0 = System.nanoTime();
      new AttendanceReportReader().read(report, ReadContext.of(s.startsAt(), s.endsAt(), ALMATY));
      long t1 = System.nanoTime();
      last = imports.importFile(organiser, s.id(), report, ImportChoices.none());
      long t2 = System.nanoTime();
      parses.add((t1 - t0) / 1_000_000);
      totals.add((t2 - t1) / 1_000_000);
    }
    Collections.sort(totals);
    Collections.sort(parses);
    int intervals =
        jdbc.sql("select count(*) from attendance_interval").query(Integer.class).single();
    String out =
        String.format(
            Locale.ROOT,
            """
            Attendance import bench %s
            report: %d rows, %d bytes; registrations: %d (set up in %.1f s)
            last import: format=%s rows=%d participants=%d matched=%d unmatched=%d
            import (parse + match + merge + store, one transaction), %d runs: min %d ms, median %d ms, max %d ms
            parse alone: min %d ms, median %d ms
            intervals stored over all runs: %d
            cores: %d, java %s
            """,
            Instant.now(),
            PEOPLE * 2,
            report.length,
            REGISTRATIONS,
            setupSeconds,
            last.format(),
            last.rows(),
            last.participants(),
            last.matched(),
            last.unmatched(),
            RUNS,
            totals.get(0),
            totals.get(totals.size() / 2),
            totals.get(totals.size() - 1),
            parses.get(0),
            parses.get(parses.size() / 2),
            intervals,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"));
    System.out.println(out);
    Path dir = Path.of("target/bench");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("attendance-import.txt"), out);
  }

  private Session session(LecternUser organiser, UUID programmeId) {
    return sessions.create(
        organiser,
        programmeId,
        new SessionInput.Raw(
            LocalizedText.of("en", "Bench session"),
            LocalizedText.empty(),
            LocalDateTime.parse("2024-03-14T10:00").atZone(ALMATY).toInstant(),
            LocalDateTime.parse("2024-03-14T12:00").atZone(ALMATY).toInstant(),
            "ONLINE",
            LocalizedText.empty(),
            null,
            "en",
            List.of(),
            List.of(),
            "ZOOM",
            "https://zoom.example.org/j/1"),
        List.of(),
        true);
  }

  /**
   * 80 % of people write their registered e-mail, 10 % only their name in Cyrillic, 10 % are
   * strangers; each has two overlapping rows (a rejoin while still connected).
   */
  static String report(int people) {
    var f = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.ENGLISH);
    var start = LocalDateTime.parse("2024-03-14T09:55");
    StringBuilder sb =
        new StringBuilder(
            "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n");
    for (int i = 0; i < people; i++) {
      String name;
      String email;
      if (i % 10 < 8) {
        name = "Delegate " + i;
        email = "delegate" + i + "@advokat.kz";
      } else if (i % 10 == 8) {
        name = "Айгерим Тестова" + i;
        email = "";
      } else {
        name = "Guest " + i;
        email = "guest" + i + "@elsewhere.kz";
      }
      var join = start.plusSeconds(i % 600);
      var leave = join.plusMinutes(60 + i % 50);
      var rejoin = join.plusMinutes(30);
      var end = rejoin.plusMinutes(70);
      sb.append(name)
          .append(',')
          .append(email)
          .append(',')
          .append(f.format(join))
          .append(',')
          .append(f.format(leave))
          .append(",60,Yes\n");
      sb.append(name)
          .append(',')
          .append(email)
          .append(',')
          .append(f.format(rejoin))
          .append(',')
          .append(f.format(end))
          .append(",70,Yes\n");
    }
    return sb.toString();
  }
}
