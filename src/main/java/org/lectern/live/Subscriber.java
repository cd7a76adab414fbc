package org.lectern.live;

import java.io.IOException;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. Events queue here and are written by the fan-out pool, one drain at a time per
 * subscriber, in id order; an id already sent is never sent again. A client that falls too far
 * behind is disconnected: it reconnects with Last-Event-ID and catches up from the database.
 */
final class Subscriber {

  static final int MAX_QUEUED = 2_000;
  private static final Object HEARTBEAT = new Object();

  final UUID sessionId;
  final UUID participantId;
  private final SseEmitter emitter;
  private final Executor executor;
  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean live;
  private volatile boolean closed;
  private long lastSent;

  Subscriber(
      UUID sessionId, UUID participantId, SseEmitter emitter, long after, Executor executor) {
    this.sessionId = sessionId;
    this.participantId = participantId;
    this.emitter = emitter;
    this.lastSent = after;
    this.executor = executor;
  }

  long lastSent() {
    return lastSent;
  }

  /** Called by the replay once history is written; from now on queued events flow. */
  void goLive() {
    live = true;
    schedule();
  }

  void offer(LiveEvent e) {
    enqueue(e);
  }

  /** A message for this subscriber alone, without an id (see LiveStream#direct). */
  record Direct(String type, String data) {}

  void direct(String type, String data) {
    enqueue(new Direct(type, data));
  }

  void heartbeat() {
    enqueue(HEARTBEAT);
  }

  private void enqueue(Object o) {
    if (closed) {
      return;
    }
    if (queued.incrementAndGet() > MAX_QUEUED) {
      close();
      return;
    }
    queue.add(o);
    schedule();
  }

  /** Opens the response at once (headers and a reconnect delay), so clients know they are live. */
  boolean hello() {
    try {
      emitter.send(SseEmitter.event().reconnectTime(3000).comment("live"));
      return true;
    } catch (IOException | IllegalStateException ex) {
      close();
      return false;
    }
  }

  /** Writes one event directly (replay, on the drain's thread before going live). */
  boolean sendNow(LiveEvent e) {
    if (e.id() <= lastSent) {
      return true;
    }
    try {
      emitter.send(SseEmitter.event().id(Long.toString(e.id())).name(e.type()).data(e.payload()));
      lastSent = e.id();
      return true;
    } catch (IOException | IllegalStateException ex) {
      close();
      return false;
    }
  }

  private void schedule() {
    if (live && !closed && draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    try {
      Object o;
      while (!closed && (o = queue.poll()) != null) {
        queued.decrementAndGet();
        if (o == HEARTBEAT) {
          emitter.send(SseEmitter.event().comment("k"));
        } else if (o instanceof Direct d) {
          emitter.send(SseEmitter.event().name(d.type()).data(d.data()));
        } else if (!sendNow((LiveEvent) o)) {
          return;
        }
      }
    } catch (IOException | IllegalStateException ex) {
      close();
    } finally {
      draining.set(false);
    }
    if (!queue.isEmpty()) {
      schedule();
    }
  }

  void close() {
    if (!closed) {
      closed = true;
      queue.clear();
      try {
        emitter.complete();
      } catch (RuntimeException ignored) {
        // already gone
      }
    }
  }

  boolean closed() {
    return closed;
  }
}
