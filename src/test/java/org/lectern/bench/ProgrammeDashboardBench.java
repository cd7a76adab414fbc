package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeInput;
import org.lectern.programme.ProgrammeService;
import org.lectern.reporting.ReportService;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Programme dashboard (BENCHMARKS.md): one programme with 100,000 registrations and 1,000,000
 * attendance intervals generated with generate_series, then the report's server time — the service
 * call and the API over loopback. Not a test: run it with the command in BENCHMARKS.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgrammeDashboardBench {

  static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 100_000);
  static final int SESSIONS = 10;
  static EmbeddedPostgres postgres;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Fixtures fixtures;
  @Autowired ProgrammeService programmes;
  @Autowired ReportService reports;
  @Autowired ApiTokenService tokens;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("lectern-bench-pg"))
            .setCleanDataDirectory(true)
            .start();
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("management.server.port", () -> "0");
    registry.add("lectern.data-dir", () -> System.getProperty("java.io.tmpdir") + "/lectern-bench");
    registry.add("lectern.demo", () -> "false");
  }

  @Test
  void dashboardOfABigProgramme() throws Exception {
    LecternUser organiser = fixtures.organiser("bench");
    UUID p =
        programmes
            .create(
                organiser,
                null,
                ProgrammeInput.validate(
                    new ProgrammeInput.Raw(
                        "bench-" + UUID.randomUUID().toString().substring(0, 6),
                        new LocalizedText(Map.of("en", "Benchmark")),
                        LocalizedText.empty(),
                        List.of("en", "ru", "kk"),
                        "Asia/Almaty",
                        BigDecimal.ONE,
                        null,
                        true,
                        false)))
            .id();
    long t0 = System.nanoTime();
    generate(p);
    long generated = (System.nanoTime() - t0) / 1_000_000;
    String token = tokens.issue(organiser.id(), "bench").token();
    var client = HttpClient.newHttpClient();
    var request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/programmes/" + p + "/report"))
            .header("Authorization", "Bearer " + token)
            .build();
    long c0 = System.nanoTime();
    reports.report(organiser, p, false);
    long first = (System.nanoTime() - c0) / 1_000_000;
    for (int i = 0; i < 5; i++) {
      reports.report(organiser, p, false);
      client.send(request, HttpResponse.BodyHandlers.ofString());
    }
    List<Long> service = new ArrayList<>();
    List<Long> api = new ArrayList<>();
    String body = null;
    for (int i = 0; i < 20; i++) {
      long a = System.nanoTime();
      reports.report(organiser, p, i % 2 == 1);
      service.add((System.nanoTime() - a) / 1_000_000);
      long b = System.nanoTime();
      var r = client.send(request, HttpResponse.BodyHandlers.ofString());
      api.add((System.nanoTime() - b) / 1_000_000);
      assertThat(r.statusCode()).isEqualTo(200);
      body = r.body();
    }
    assertThat(body).contains("\"total\":" + REGISTRATIONS);
    // One session's attendance changes (as after an import): that session and the programme's
    // completion are recomputed on the next view.
    List<UUID> sessionIds =
        jdbc.sql("select id from session where programme_id = :p order by starts_at")
            .param("p", p)
            .query(UUID.class)
            .list();
    List<Long> changed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      jdbc.sql("update attendance_session_state set version = version + 1 where session_id = :s")
          .param("s", sessionIds.get(i))
          .update();
      long a = System.nanoTime();
      reports.report(organiser, p, false);
      changed.add((System.nanoTime() - a) / 1_000_000);
    }
    String report =
        String.format(
            "Programme dashboard: %,d registrations, %,d attendance intervals (generated in %,d ms)%n"
                + "service  p50 %d ms  p95 %d ms  max %d ms%n"
                + "API      p50 %d ms  p95 %d ms  max %d ms%n"
                + "first view (all results computed) %d ms; after one session changed p50 %d ms,"
                + " max %d ms%n"
                + "cores %d, java %s%n"
                + "attendance in report: %s%n",
            REGISTRATIONS,
            jdbc.sql("select count(*) from attendance_interval").query(Long.class).single(),
            generated,
            pct(service, 50),
            pct(service, 95),
            Collections.max(service),
            pct(api, 50),
            pct(api, 95),
            Collections.max(api),
            first,
            pct(changed, 50),
            Collections.max(changed),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            body.replaceAll(".*\"attendance\":(\\{[^}]*).*", "$1"));
    System.out.println(report);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/programme-dashboard.txt"), report);
  }

  private static long pct(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  private void generate(UUID p) {
    jdbc.sql(
            """
            insert into session (id, programme_id, title, starts_at, ends_at, mode, status)
            select gen_random_uuid(), :p, '{"en":"Session"}'::jsonb,
                   timestamptz '2021-02-09 10:00+05' + (s || ' days')::interval,
                   timestamptz '2021-02-09 12:00+05' + (s || ' days')::interval, 'HYBRID', 'PUBLISHED'
            from generate_series(1, :n) s
            """)
        .param("p", p)
        .param("n", SESSIONS)
        .update();
    jdbc.sql(
            """
            insert into registration (id, programme_id, status, email_index, email, full_name, region,
              profession, years_band, gender, language)
            select gen_random_uuid(), :p, case when i % 20 = 0 then 'CANCELLED' else 'CONFIRMED' end,
                   md5(i::text), '\\x00'::bytea, '\\x00'::bytea,
                   (array['KZ-10','KZ-11','KZ-15','KZ-19','KZ-23','KZ-27','KZ-31','KZ-33','KZ-35','KZ-39',
                          'KZ-43','KZ-47','KZ-55','KZ-59','KZ-61','KZ-62','KZ-63','KZ-71','KZ-75','KZ-79',
                          'KZ-75','KZ-75','KZ-71','OTHER'])[1 + i % 24],
                   (array['advocate','legal_consultant','ngo_lawyer','in_house_lawyer','student'])[1 + i % 5],
                   (array['none','1-2','3-5','6-10','11-20','21+'])[1 + i % 6],
                   (array['female','male','female','undisclosed'])[1 + i % 4],
                   (array['ru','kk','en'])[1 + i % 3]
            from generate_series(1, :n) i
            """)
        .param("p", p)
        .param("n", REGISTRATIONS)
        .update();
    jdbc.sql(
            """
            insert into attendance_import (id, session_id, content_hash, format, rows, participants,
              matched, unmatched, imported_at)
            select gen_random_uuid(), id, 'bench', 'ZOOM', 0, 0, 0, 0, now()
            from session where programme_id = :p
            """)
        .param("p", p)
        .update();
    // Each registration attends 4 of 10 sessions, with 2 or 3 stays of 38 minutes (63 % or 95 % of
    // the two hours): 2.5 on average, 1,000,000 intervals.
    jdbc.sql(
            """
            insert into attendance_participant (id, session_id, person_key, registration_id,
              display_name, role, source_import_id, updated_at)
            select gen_random_uuid(), s.id, 'r:' || r.id, r.id, '\\x00'::bytea, 'ATTENDEE', s.imp, now()
            from (select id, row_number() over () as n from registration where programme_id = :p) r
            join (select s.id, i.id as imp, row_number() over (order by s.starts_at) as k
                  from session s join attendance_import i on i.session_id = s.id
                  where s.programme_id = :p) s
              on (r.n + s.k) % 5 < 2
            """)
        .param("p", p)
        .update();
    jdbc.sql(
            """
            insert into attendance_interval (participant_id, source, starts_at, ends_at)
            select ap.id, 'ONLINE',
                   s.starts_at + (j * 40 || ' minutes')::interval,
                   s.starts_at + ((j * 40 + 38) || ' minutes')::interval
            from attendance_participant ap join session s on s.id = ap.session_id
            cross join generate_series(0, 2) j
            where s.programme_id = :p and j < 2 + (hashtext(ap.id::text) & 1)
            """)
        .param("p", p)
        .update();
    // One participant row in eight also checked in at the door and stayed an hour.
    jdbc.sql(
            """
            insert into attendance_checkin (nonce, session_id, registration_id, kind, at)
            select gen_random_uuid(), ap.session_id, ap.registration_id, k.kind,
                   s.starts_at + case k.kind when 'IN' then interval '0' else interval '60 minutes' end
            from attendance_participant ap join session s on s.id = ap.session_id
            cross join (values ('IN'), ('OUT')) k(kind)
            where s.programme_id = :p and (hashtext(ap.id::text) & 15) < 2
            """)
        .param("p", p)
        .update();
    // Completed: at least 70 % of 3 of the 10 sessions (each delegate attends 4).
    jdbc.sql(
            """
            insert into attendance_completion_rule (programme_id, min_percent, min_sessions, updated_at)
            values (:p, 70, 3, now())
            """)
        .param("p", p)
        .update();
    // Written behind the attendance module's back: mark the sessions changed, as an import does.
    jdbc.sql(
            """
            insert into attendance_session_state (session_id, version)
            select id, 1 from session where programme_id = :p
            """)
        .param("p", p)
        .update();
    jdbc.sql("analyze").update();
  }
}
