package org.lectern.live;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This node's open streams, by room. Events reach it from {@link RoomNotifications} (all nodes'
 * events, through PostgreSQL) and are handed to each subscriber of the room.
 */
@Component
class LiveStream implements org.springframework.context.SmartLifecycle {

  static final int REPLAY_PAGE = 500;

  private final EventLog log;
  private final Map<UUID, Set<Subscriber>> rooms = new ConcurrentHashMap<>();
  private final ExecutorService fanOut;
  private final ScheduledExecutorService heartbeat;
  private final Duration timeout;
  private final RoomPresence presence;

  LiveStream(
      EventLog log,
      RoomPresence presence,
      @Value("${lectern.live.fan-out-threads:4}") int threads,
      @Value("${lectern.live.heartbeat:20s}") Duration heartbeatEvery,
      @Value("${lectern.live.stream-timeout:30m}") Duration timeout) {
    this.log = log;
    this.presence = presence;
    this.timeout = timeout;
    this.fanOut = Executors.newFixedThreadPool(threads, daemon("live-fan-out"));
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("live-heartbeat"));
    long every = heartbeatEvery.toMillis();
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens a stream that first replays what the client missed (events after {@code after}), then
   * follows the room live. Registering before the replay means nothing committed meanwhile is lost;
   * ids already sent are skipped, so nothing arrives twice.
   */
  SseEmitter open(UUID sessionId, UUID participantId, long after) {
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    Subscriber s = new Subscriber(sessionId, participantId, emitter, after, fanOut);
    rooms.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(s);
    Runnable gone = () -> remove(s);
    emitter.onCompletion(gone);
    emitter.onTimeout(gone);
    emitter.onError(e -> remove(s));
    fanOut.execute(() -> replay(s));
    return emitter;
  }

  private void replay(Subscriber s) {
    try {
      if (!s.hello()) {
        return;
      }
      List<LiveEvent> page;
      do {
        page = log.after(s.sessionId, s.lastSent(), REPLAY_PAGE);
        for (LiveEvent e : page) {
          if (!s.sendNow(e)) {
            return;
          }
        }
      } while (page.size() == REPLAY_PAGE);
      s.goLive();
    } catch (RuntimeException e) {
      s.close();
    }
  }

  /** Hands events (of any room) to this node's subscribers. */
  void deliver(List<LiveEvent> events) {
    for (LiveEvent e : events) {
      if ("participant.removed".equals(e.type())) {
        closeParticipant(e.sessionId(), e.payload());
      }
      Set<Subscriber> subs = rooms.get(e.sessionId());
      if (subs != null) {
        subs.forEach(s -> s.offer(e));
      }
    }
  }

  private void closeParticipant(UUID sessionId, String payload) {
    Set<Subscriber> subs = rooms.get(sessionId);
    if (subs != null) {
      subs.stream()
          .filter(s -> s.participantId != null && payload.contains(s.participantId.toString()))
          .forEach(Subscriber::close);
    }
  }

  /** Whether the participant has a stream open on this node. */
  boolean has(UUID sessionId, UUID participantId) {
    Set<Subscriber> subs = rooms.get(sessionId);
    return subs != null && subs.stream().anyMatch(s -> participantId.equals(s.participantId));
  }

  Set<UUID> activeRooms() {
    return Set.copyOf(rooms.keySet());
  }

  int subscribers() {
    return rooms.values().stream().mapToInt(Set::size).sum();
  }

  /** Open streams of one room on this node. */
  int subscribers(UUID sessionId) {
    Set<Subscriber> subs = rooms.get(sessionId);
    return subs == null ? 0 : subs.size();
  }

  /**
   * Over how many milliseconds the open pages of a room spread their re-reads after an event: all
   * of them at once would make one vote cost thousands of page renders in the same second. About
   * 400 re-reads a second per node at most, never under 0.6 s (a small room feels instant) nor over
   * 15 s (the projector must still follow).
   */
  long spreadMillis(UUID sessionId) {
    return spreadMillis(subscribers(sessionId));
  }

  static long spreadMillis(int subscribers) {
    return Math.max(600, Math.min(15_000, subscribers * 1000L / 400));
  }

  private void remove(Subscriber s) {
    s.close();
    rooms.computeIfPresent(
        s.sessionId,
        (k, set) -> {
          set.remove(s);
          return set.isEmpty() ? null : set;
        });
  }

  private void beat() {
    rooms.values().forEach(set -> set.forEach(Subscriber::heartbeat));
    try {
      // One statement a beat for every participant with an open stream here: still in the room.
      presence.seen(
          rooms.values().stream()
              .flatMap(Set::stream)
              .map(s -> s.participantId)
              .filter(java.util.Objects::nonNull)
              .distinct()
              .toList());
    } catch (RuntimeException e) {
      // the database is away for a moment; the next beat tries again
    }
  }

  /**
   * Hands a message addressed to one participant (a table's signalling) to that participant's
   * streams on this node only. It has no id: it is never replayed and never moves Last-Event-ID.
   */
  int direct(UUID sessionId, UUID participantId, String type, String data) {
    Set<Subscriber> subs = rooms.get(sessionId);
    if (subs == null) {
      return 0;
    }
    int n = 0;
    for (Subscriber s : subs) {
      if (participantId.equals(s.participantId)) {
        s.direct(type, data);
        n++;
      }
    }
    return n;
  }

  private volatile boolean running;

  @Override
  public void start() {
    running = true;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server's graceful shutdown (which would wait for open streams). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  @Override
  public void stop() {
    running = false;
    rooms.values().forEach(set -> set.forEach(Subscriber::close));
  }

  @PreDestroy
  void shutdown() {
    rooms.values().forEach(set -> set.forEach(Subscriber::close));
    heartbeat.shutdownNow();
    fanOut.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
