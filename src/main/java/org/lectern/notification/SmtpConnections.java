package org.lectern.notification;

import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP connections kept open across batches (issue 16, tenth pass): opening one per batch of twenty
 * — socket, greeting, {@code EHLO} (with {@code STARTTLS} and {@code AUTH} where configured),
 * {@code QUIT} — was a third of the sending pool's SMTP time. A connection goes back here after its
 * batch and the next batch of the same sender takes it, unless it waited longer than the idle time
 * (closed then, before the usual server's five-minute timeout closes it from the other side) or
 * carried its share of messages (servers limit messages per connection). A connection the server
 * closed while it waited is noticed on its first message and replaced ({@link SmtpBatch}). An idle
 * time of zero keeps none: one connection per batch, as before.
 */
final class SmtpConnections implements AutoCloseable {

  /** Well under the five minutes after which the usual server closes an idle connection. */
  static final Duration IDLE = Duration.ofSeconds(60);

  /** Messages over one connection before it is closed and another opened. */
  static final int MESSAGES = 100;

  /** Connections kept at most (one per sending thread is the usual case). */
  static final int KEPT = 4;

  /** An open connection of one mail sender, with its messages so far and when it was last used. */
  static final class Kept {
    final JavaMailSenderImpl owner;
    final Transport transport;
    int messages;
    Instant lastUsed;

    Kept(JavaMailSenderImpl owner, Transport transport) {
      this.owner = owner;
      this.transport = transport;
    }
  }

  private final Duration idle;
  private final int perConnection;
  private final Clock clock;
  private final Deque<Kept> kept = new ArrayDeque<>();
  private boolean closed;

  SmtpConnections(Duration idle, int perConnection, Clock clock) {
    this.idle = idle;
    this.perConnection = Math.max(1, perConnection);
    this.clock = clock;
  }

  /** Messages one connection may carry. */
  int perConnection() {
    return perConnection;
  }

  /** A kept connection of this sender fit for another batch, or null (the caller opens one). */
  Kept take(JavaMailSenderImpl sender) {
    List<Kept> stale = new ArrayList<>();
    Kept found = null;
    synchronized (this) {
      Instant now = clock.instant();
      while (found == null && !kept.isEmpty()) {
        Kept k = kept.pollFirst();
        if (k.owner == sender && !tooOld(k, now)) {
          found = k;
        } else {
          stale.add(k);
        }
      }
    }
    stale.forEach(SmtpConnections::quit);
    return found;
  }

  /** Keeps a connection that is still open for the next batch (or closes it when none are kept). */
  void give(Kept k) {
    boolean keep;
    synchronized (this) {
      k.lastUsed = clock.instant();
      keep =
          !closed
              && !idle.isZero()
              && !idle.isNegative()
              && k.messages < perConnection
              && kept.size() < KEPT;
      if (keep) {
        kept.addFirst(k);
      }
    }
    if (!keep) {
      quit(k);
    }
  }

  /** Closes the connections that waited longer than the idle time (the sending job calls it). */
  void closeIdle() {
    List<Kept> stale = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      for (Iterator<Kept> i = kept.iterator(); i.hasNext(); ) {
        Kept k = i.next();
        if (tooOld(k, now)) {
          i.remove();
          stale.add(k);
        }
      }
    }
    stale.forEach(SmtpConnections::quit);
  }

  /** Connections kept now. */
  synchronized int size() {
    return kept.size();
  }

  @Override
  public void close() {
    List<Kept> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(kept);
      kept.clear();
    }
    all.forEach(SmtpConnections::quit);
  }

  private boolean tooOld(Kept k, Instant now) {
    return k.messages >= perConnection || !now.isBefore(k.lastUsed.plus(idle));
  }

  /** {@code QUIT}; a connection the server already closed fails here, which changes nothing. */
  static void quit(Kept k) {
    quit(k.transport);
  }

  static void quit(Transport t) {
    try {
      t.close();
    } catch (Exception ignored) {
      // closed already, or the server went away: nothing was left to send over it
    }
  }
}
