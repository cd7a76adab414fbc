package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Registration burst (BENCHMARKS.md): 1,000 concurrent anonymous registrations over HTTP on
 * loopback against capacity 300, then the raw PostgreSQL insert rate of the same database. Not a
 * test (the name does not end in IT or Test): run it with the command in BENCHMARKS.md. The
 * database is a fresh embedded PostgreSQL configured like production (fsync and synchronous commit
 * on), not the tests' one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationBurstBench {

  static final int REQUESTS = Integer.getInteger("bench.requests", 1000);
  static final int CAPACITY = Integer.getInteger("bench.capacity", 300);
  static EmbeddedPostgres postgres;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("lectern-bench-pg"))
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("management.server.port", () -> "0");
    registry.add("lectern.data-dir", () -> System.getProperty("java.io.tmpdir") + "/lectern-bench");
    registry.add("lectern.demo", () -> "false");
    registry.add("lectern.registration.rate-limit.enabled", () -> "false");
  }

  @Test
  void burst() throws Exception {
    UUID programme = programme();
    warmUp();
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();
    ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
    CountDownLatch start = new CountDownLatch(1);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String json =
          "{\"email\":\"burst"
              + i
              + "@example.kz\",\"fullName\":\"Делегат "
              + i
              + "\",\"region\":\"KZ-75\",\"profession\":\"advocate\",\"language\":\"kk\"}";
      HttpRequest req =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:"
                          + port
                          + "/api/v1/programmes/"
                          + programme
                          + "/registrations"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build();
      done.add(
          clients.submit(
              () -> {
                start.await();
                long t0 = System.nanoTime();
                var res = http.send(req, HttpResponse.BodyHandlers.ofString());
                latencies.add(System.nanoTime() - t0);
                if (res.statusCode() != 201) {
                  errors.incrementAndGet();
                }
                return null;
              }));
    }
    long t0 = System.nanoTime();
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    clients.shutdown();
    int confirmed = count(programme, "CONFIRMED");
    int waitlisted = count(programme, "WAITLISTED");
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double[] raw = rawInsertRates();
    String report =
        String.format(
            java.util.Locale.ROOT,
            """
        Registration burst: %d concurrent HTTP registrations, capacity %d, %d CPU cores
          confirmed %d, waitlisted %d, errors %d
          wall time %.2f s, throughput %.0f registrations/s
          latency p50 %.0f ms, p99 %.0f ms, max %.0f ms
          raw PostgreSQL insert rate (autocommit, one row per transaction):
            1 connection %.0f rows/s, 20 connections %.0f rows/s
          ratio registrations / raw (20 connections): %.2f
        """,
            REQUESTS,
            CAPACITY,
            Runtime.getRuntime().availableProcessors(),
            confirmed,
            waitlisted,
            errors.get(),
            seconds,
            REQUESTS / seconds,
            ms(sorted, 0.50),
            ms(sorted, 0.99),
            ms(sorted, 1.0),
            raw[0],
            raw[1],
            (REQUESTS / seconds) / raw[1]);
    System.out.println(report);
    Files.createDirectories(java.nio.file.Path.of("target/bench"));
    Files.writeString(java.nio.file.Path.of("target/bench/registration-burst.txt"), report);
    assertThat(confirmed).isEqualTo(Math.min(CAPACITY, REQUESTS));
    assertThat(errors.get()).isZero();
  }

  private UUID programme() {
    UUID org = UUID.randomUUID();
    UUID p = UUID.randomUUID();
    jdbc.sql("insert into organisation (id, slug, name) values (:id, 'bench', '{\"en\":\"B\"}')")
        .param("id", org)
        .update();
    jdbc.sql(
            """
        insert into programme (id, organisation_id, slug, title, languages, time_zone, capacity,
          waitlist, status)
        values (:id, :org, 'burst', '{"en":"Burst"}', array['en'], 'Asia/Almaty', :c, true,
          'PUBLISHED')""")
        .param("id", p)
        .param("org", org)
        .param("c", CAPACITY)
        .update();
    jdbc.sql(
            """
        insert into session (id, programme_id, title, starts_at, ends_at, mode, status)
        values (:id, :p, '{"en":"S"}', now() + interval '30 days', now() + interval '30 days 2 hours',
          'ONLINE', 'PUBLISHED')""")
        .param("id", UUID.randomUUID())
        .param("p", p)
        .update();
    return p;
  }

  // JIT and connection pool warm-up on a separate programme, so the burst measures steady state.
  private void warmUp() throws Exception {
    jdbc.sql("update organisation set slug = 'bench' where slug = 'bench'").update();
    HttpClient http = HttpClient.newHttpClient();
    UUID p = UUID.randomUUID();
    jdbc.sql(
            """
        insert into programme (id, organisation_id, slug, title, languages, time_zone, status)
        select :id, id, 'warm', '{"en":"W"}', array['en'], 'Asia/Almaty', 'PUBLISHED'
        from organisation where slug = 'bench'""")
        .param("id", p)
        .update();
    jdbc.sql(
            """
        insert into session (id, programme_id, title, starts_at, ends_at, mode, status)
        values (:id, :p, '{"en":"S"}', now() + interval '1 day', now() + interval '1 day 1 hour',
          'ONLINE', 'PUBLISHED')""")
        .param("id", UUID.randomUUID())
        .param("p", p)
        .update();
    for (int i = 0; i < 200; i++) {
      http.send(
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:" + port + "/api/v1/programmes/" + p + "/registrations"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"email\":\"w" + i + "@example.kz\",\"fullName\":\"W\"}"))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  private int count(UUID p, String status) {
    return jdbc.sql("select count(*) from registration where programme_id = :p and status = :s")
        .param("p", p)
        .param("s", status)
        .query(Integer.class)
        .single();
  }

  /** Rows per second for single-row autocommit inserts of a registration-sized row. */
  private double[] rawInsertRates() throws Exception {
    try (Connection c = connect()) {
      c.createStatement()
          .execute(
              "create table if not exists bench_raw (id uuid primary key, "
                  + "programme_id uuid, email_index text, email bytea, full_name bytea, status text, "
                  + "created_at timestamptz default now())");
    }
    return new double[] {rawRate(1, 3000), rawRate(20, 300)};
  }

  private double rawRate(int connections, int perConnection) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> jobs = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      jobs.add(
          pool.submit(
              () -> {
                try (Connection c = connect();
                    var ps =
                        c.prepareStatement(
                            "insert into bench_raw (id, programme_id, email_index, "
                                + "email, full_name, status) values (?, ?, ?, ?, ?, 'CONFIRMED')")) {
                  UUID programme = UUID.randomUUID();
                  byte[] blob = new byte[60];
                  start.await();
                  for (int i = 0; i < perConnection; i++) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, programme);
                    ps.setString(3, UUID.randomUUID().toString() + UUID.randomUUID());
                    ps.setBytes(4, blob);
                    ps.setBytes(5, blob);
                    ps.executeUpdate();
                  }
                }
                return null;
              }));
    }
    long t0 = System.nanoTime();
    start.countDown();
    for (Future<?> f : jobs) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    return connections * perConnection / seconds;
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
  }

  private static double ms(List<Long> sorted, double q) {
    int i = Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)) / 1e6;
  }
}
