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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signalling load of discussion tables (BENCHMARKS.md): TABLES tables of SIZE people, every person
 * with an open SSE stream on loopback; every pair of every table performs the handshake Lectern's
 * script does (hello, hello-ack, offer, answer, ICE_EACH candidates each way) at once, as when the
 * whole room presses "Join the conversation" together. Measured: messages per second accepted by
 * the server (check, seal, insert, NOTIFY), and the time from handing a message to the server to
 * its arrival on the addressee's stream; a message reaching anyone else counts as a leak. Not a
 * test (no IT/Test suffix): run bench/table-signalling.sh. Messages enter through the service (the
 * POST's controller adds only form parsing); client, server and database share the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TableSignalBench {

  static final int TABLES = Integer.getInteger("bench.tables", 50);
  static final int SIZE = Integer.getInteger("bench.size", 6);
  static final int ICE_EACH = Integer.getInteger("bench.ice", 4);
  static final int SENDERS = Integer.getInteger("bench.senders", 8);
  static EmbeddedPostgres postgres;

  @LocalServerPort int port;
  @Autowired LiveFixtures fx;
  @Autowired LiveAccess access;
  @Autowired TableService desk;
  @Autowired TableSignals signals;
  @Autowired TableRepository tables;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("lectern-bench-pg"))
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "300")
            .start();
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("management.server.port", () -> "0");
    registry.add("lectern.data-dir", () -> System.getProperty("java.io.tmpdir") + "/lectern-bench");
    registry.add("lectern.demo", () -> "false");
  }

  record Sent(long at, UUID to) {}

  /** One participant's stream: when each bench message arrived, and any that was not theirs. */
  final class Client implements Flow.Subscriber<String> {
    final UUID me;
    final CountDownLatch open;

    Client(UUID me, CountDownLatch open) {
      this.me = me;
      this.open = open;
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
        int at = line.indexOf("bench-");
        if (at >= 0) {
          int end = line.indexOf('~', at);
          int n = Integer.parseInt(line.substring(at + 6, end));
          Sent s = sent.get(n);
          if (s == null || !s.to().equals(me)) {
            leaks.incrementAndGet();
          } else if (arrived.putIfAbsent(n, System.nanoTime()) != null) {
            duplicates.incrementAndGet();
          }
        }
      }
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onComplete() {}
  }

  final Map<Integer, Sent> sent = new ConcurrentHashMap<>();
  final Map<Integer, Long> arrived = new ConcurrentHashMap<>();
  final AtomicInteger leaks = new AtomicInteger();
  final AtomicInteger duplicates = new AtomicInteger();

  record Message(Viewer from, UUID to, String kind, String body) {}

  @Test
  void signalling() throws Exception {
    var room = fx.running();
    String key = fx.joinKey(room);
    int people = TABLES * SIZE;
    List<String> passes = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      Viewer outsider = access.viewer(room.sessionId(), null, null, Optional.empty());
      passes.add(access.join(outsider, key, "P" + i, Optional.empty()));
    }
    long openStart = System.nanoTime();
    TableRound round =
        desk.open(
            fx.organiser(room),
            new TablesForm(
                20,
                SIZE,
                TableRound.Grouping.RANDOM,
                TableRound.Mixing.MIXED,
                TableProvider.LECTERN,
                "bench",
                List.of()));
    double openMs = (System.nanoTime() - openStart) / 1e6;

    Map<UUID, Viewer> viewers = new ConcurrentHashMap<>();
    Map<UUID, String> passOf = new ConcurrentHashMap<>();
    for (String p : passes) {
      Viewer v = access.viewer(room.sessionId(), null, p, Optional.empty());
      viewers.put(v.participant().id(), v);
      passOf.put(v.participant().id(), p);
    }
    CountDownLatch open = new CountDownLatch(people);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .build();
    for (var e : passOf.entrySet()) {
      http.sendAsync(
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:"
                          + port
                          + "/api/v1/sessions/"
                          + room.sessionId()
                          + "/live/events"))
              .header("Live-Pass", e.getValue())
              .build(),
          HttpResponse.BodyHandlers.fromLineSubscriber(new Client(e.getKey(), open)));
    }
    boolean allOpen = open.await(120, TimeUnit.SECONDS);

    // The handshake of every pair at every table, in the order the script sends it.
    Map<UUID, List<UUID>> byTable = new ConcurrentHashMap<>();
    tables
        .seats(round.id())
        .forEach(
            s ->
                byTable
                    .computeIfAbsent(s.tableId(), k -> new ArrayList<>())
                    .add(s.participantId()));
    String sdp = "v=0 " + "x".repeat(2500);
    String ice = "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host " + "x".repeat(60);
    List<List<Message>> pairs = new ArrayList<>();
    for (List<UUID> t : byTable.values()) {
      for (int i = 0; i < t.size(); i++) {
        for (int j = i + 1; j < t.size(); j++) {
          Viewer a = viewers.get(t.get(i));
          Viewer b = viewers.get(t.get(j));
          List<Message> m = new ArrayList<>();
          m.add(new Message(a, b.participant().id(), "hello", ""));
          m.add(new Message(b, a.participant().id(), "hello", "{\"ack\":true}"));
          m.add(new Message(a, b.participant().id(), "offer", sdp));
          m.add(new Message(b, a.participant().id(), "answer", sdp));
          for (int k = 0; k < ICE_EACH; k++) {
            m.add(new Message(a, b.participant().id(), "ice", ice));
            m.add(new Message(b, a.participant().id(), "ice", ice));
          }
          pairs.add(m);
        }
      }
    }
    int total = pairs.stream().mapToInt(List::size).sum();
    AtomicInteger seq = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    long start = System.nanoTime();
    for (List<Message> pair : pairs) {
      senders.execute(
          () -> {
            for (Message m : pair) {
              int n = seq.getAndIncrement();
              sent.put(n, new Sent(System.nanoTime(), m.to()));
              signals.send(m.from(), m.to(), m.kind(), "bench-" + n + "~" + m.body());
            }
          });
    }
    senders.shutdown();
    senders.awaitTermination(10, TimeUnit.MINUTES);
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (arrived.size() < total && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    double allSeconds = (System.nanoTime() - start) / 1e9;
    List<Long> lat = new ArrayList<>();
    arrived.forEach((n, at) -> lat.add(at - sent.get(n).at()));
    lat.sort(null);
    String report =
        String.format(
            Locale.ROOT,
            "Table signalling: %d tables of %d (%d people, %d pairs), %d ICE candidates each way%n"
                + "machine: %d cores, Java %s, load average before %.2f%n"
                + "opening the tables (seating %d): %.0f ms; all %d streams open: %s%n"
                + "messages: %d sent by %d threads in %.2f s = %.0f messages/s accepted%n"
                + "delivered: %d of %d in %.2f s (missing %d, duplicates %d, leaks to others %d)%n"
                + "send -> arrival on the addressee's stream: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            TABLES,
            SIZE,
            people,
            pairs.size(),
            ICE_EACH,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            people,
            openMs,
            people,
            allOpen,
            total,
            SENDERS,
            sendSeconds,
            total / sendSeconds,
            arrived.size(),
            total,
            allSeconds,
            total - arrived.size(),
            duplicates.get(),
            leaks.get(),
            pct(lat, 50) / 1e6,
            pct(lat, 99) / 1e6,
            lat.isEmpty() ? 0 : lat.get(lat.size() - 1) / 1e6);
    System.out.println(report);
    Path out = Path.of("target/bench/table-signalling-" + TABLES + "x" + SIZE + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  static long pct(List<Long> sorted, int p) {
    return sorted.isEmpty()
        ? 0
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
