package org.lectern.live;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lectern.LecternApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live room fan-out (BENCHMARKS.md): N concurrent SSE clients on loopback, each with its own room
 * pass; questions are posted over the API and the time from posting to arrival at every client is
 * measured. Not a test (no IT/Test suffix): run it with bench/live-fanout.sh. Client, server and
 * database share the machine, so the load generator is included in every figure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveFanOutBench {

  static final int CLIENTS = Integer.getInteger("bench.clients", 1000);
  static final int QUESTIONS = Integer.getInteger("bench.questions", 20);
  static final int NODES = Integer.getInteger("bench.nodes", 1);
  static final long GAP_MS = Long.getLong("bench.gap-ms", 500);
  static EmbeddedPostgres postgres;

  @LocalServerPort int port;
  @Autowired LiveFixtures fx;
  @Autowired LiveAccess access;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("lectern-bench-pg"))
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "300")
            .start();
    registry.add("spring.datasource.url", LiveFanOutBench::url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("management.server.port", () -> "0");
    registry.add("lectern.data-dir", () -> System.getProperty("java.io.tmpdir") + "/lectern-bench");
    registry.add("lectern.demo", () -> "false");
  }

  static String url() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** One client: records when each bench question arrived. */
  static final class Client implements Flow.Subscriber<String> {
    final long[] arrived = new long[QUESTIONS];
    final CountDownLatch open;
    final AtomicInteger received;

    Client(CountDownLatch open, AtomicInteger received) {
      this.open = open;
      this.received = received;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (line.startsWith(":live")) {
        open.countDown();
      } else if (line.startsWith("data:")) {
        int at = line.indexOf("bench-q-");
        if (at >= 0) {
          int end = line.indexOf('"', at);
          int k = Integer.parseInt(line.substring(at + 8, end));
          if (arrived[k] == 0) {
            arrived[k] = System.nanoTime();
            received.incrementAndGet();
          }
        }
      }
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onComplete() {}
  }

  @Test
  void fanOut() throws Exception {
    var room = fx.running();
    ConfigurableApplicationContext second = NODES > 1 ? secondNode() : null;
    int[] ports = second == null ? new int[] {port} : new int[] {port, portOf(second)};
    List<String> passes = new ArrayList<>();
    String key = fx.joinKey(room);
    for (int i = 0; i < CLIENTS; i++) {
      Viewer outsider = access.viewer(room.sessionId(), null, null, Optional.empty());
      passes.add(access.join(outsider, key, null, Optional.empty()));
    }
    long heapBefore = usedHeap();
    List<HttpClient> https = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      https.add(
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(
                  Executors.newFixedThreadPool(
                      2,
                      r -> {
                        Thread t = new Thread(r);
                        t.setDaemon(true);
                        return t;
                      }))
              .build());
    }
    CountDownLatch open = new CountDownLatch(CLIENTS);
    AtomicInteger received = new AtomicInteger();
    List<Client> clients = new ArrayList<>();
    long connectStart = System.nanoTime();
    for (int i = 0; i < CLIENTS; i++) {
      int p = ports[i % ports.length];
      Client c = new Client(open, received);
      clients.add(c);
      HttpRequest req =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:"
                          + p
                          + "/api/v1/sessions/"
                          + room.sessionId()
                          + "/live/events"))
              .header("Live-Pass", passes.get(i))
              .build();
      https.get(i % https.size()).sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(c));
      if (i % 200 == 199) {
        // let the accept queue drain
        while (open.getCount() > CLIENTS - i - 1 + 50) {
          Thread.sleep(5);
        }
      }
    }
    boolean allOpen = open.await(120, TimeUnit.SECONDS);
    double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
    long heapAfter = usedHeap();

    HttpClient poster = HttpClient.newBuilder().build();
    long[] posted = new long[QUESTIONS];
    for (int k = 0; k < QUESTIONS; k++) {
      HttpRequest ask =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:"
                          + port
                          + "/api/v1/sessions/"
                          + room.sessionId()
                          + "/live/questions"))
              .header("Authorization", "Bearer " + room.token())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"bench-q-" + k + "\"}"))
              .build();
      posted[k] = System.nanoTime();
      var res = poster.send(ask, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 201) {
        throw new IllegalStateException("post failed: " + res.statusCode() + " " + res.body());
      }
      Thread.sleep(GAP_MS);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (received.get() < CLIENTS * QUESTIONS && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<Long> all = new ArrayList<>();
    long[] lastPerQuestion = new long[QUESTIONS];
    int missing = 0;
    for (Client c : clients) {
      for (int k = 0; k < QUESTIONS; k++) {
        if (c.arrived[k] == 0) {
          missing++;
        } else {
          long d = c.arrived[k] - posted[k];
          all.add(d);
          lastPerQuestion[k] = Math.max(lastPerQuestion[k], d);
        }
      }
    }
    all.sort(null);
    long[] last = lastPerQuestion.clone();
    Arrays.sort(last);
    String report =
        String.format(
            Locale.ROOT,
            "Live fan-out: %d clients, %d node(s), %d questions %d ms apart%n"
                + "machine: %d cores, Java %s, load average before %.2f%n"
                + "all clients connected: %s in %.1f s%n"
                + "deliveries: %d of %d (missing %d)%n"
                + "post -> arrival, every delivery: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                + "post -> arrival at the LAST client, per question: p50 %.1f ms, p99 %.1f ms%n"
                + "heap per connected client (server + client objects, same JVM): %.1f KiB%n",
            CLIENTS,
            ports.length,
            QUESTIONS,
            GAP_MS,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            allOpen,
            connectSeconds,
            all.size(),
            CLIENTS * QUESTIONS,
            missing,
            ms(pct(all, 50)),
            ms(pct(all, 99)),
            ms(all.isEmpty() ? 0 : all.get(all.size() - 1)),
            ms(pctArr(last, 50)),
            ms(pctArr(last, 99)),
            (heapAfter - heapBefore) / 1024.0 / CLIENTS);
    System.out.println(report);
    Path out = Path.of("target/bench/live-fanout-" + CLIENTS + "-" + ports.length + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    if (second != null) {
      second.close();
    }
  }

  ConfigurableApplicationContext secondNode() {
    return new SpringApplicationBuilder(LecternApplication.class)
        .properties(
            "server.port=0",
            "management.server.port=0",
            "spring.datasource.url=" + url(),
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "lectern.data-dir=" + System.getProperty("java.io.tmpdir") + "/lectern-bench",
            "lectern.demo=false",
            "spring.jmx.enabled=false")
        .run();
  }

  static int portOf(ConfigurableApplicationContext c) {
    return Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
  }

  static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  static long pct(List<Long> sorted, int p) {
    return sorted.isEmpty()
        ? 0
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static long pctArr(long[] sorted, int p) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }
}
