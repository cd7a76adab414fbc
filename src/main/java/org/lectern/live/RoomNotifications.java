package org.lectern.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on a dedicated PostgreSQL connection for the ids of new live events (from every node),
 * loads them once and hands them to this node's streams. After a lost connection it catches up from
 * the last id it saw.
 */
@Component
class RoomNotifications implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RoomNotifications.class);

  private final DataSource dataSource;
  private final EventLog events;
  private final LiveStream stream;
  private final TableSignals signals;
  private volatile boolean running;
  private volatile Thread thread;
  private volatile long lastSeen;

  RoomNotifications(
      DataSource dataSource, EventLog events, LiveStream stream, TableSignals signals) {
    this.signals = signals;
    this.dataSource = dataSource;
    this.events = events;
    this.stream = stream;
  }

  @Override
  public void start() {
    lastSeen = events.latest();
    running = true;
    thread = new Thread(this::run, "live-listen");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN " + EventLog.CHANNEL);
          st.execute("LISTEN " + TableSignals.CHANNEL);
        }
        catchUp();
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] batch = pg.getNotifications(1000);
          if (batch != null && batch.length > 0) {
            handle(batch);
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("Live event listener lost its connection; retrying: {}", e.toString());
          pause();
        }
      }
    }
  }

  private void handle(PGNotification[] batch) {
    List<Long> ids = new ArrayList<>(batch.length);
    List<String> signalNotes = new ArrayList<>();
    for (PGNotification n : batch) {
      if (TableSignals.CHANNEL.equals(n.getName())) {
        signalNotes.add(n.getParameter());
        continue;
      }
      try {
        ids.add(Long.parseLong(n.getParameter()));
      } catch (NumberFormatException ignored) {
        // not ours
      }
    }
    if (!signalNotes.isEmpty() && stream.subscribers() > 0) {
      try {
        signals.announced(signalNotes);
      } catch (RuntimeException e) {
        log.warn("Table signals not delivered: {}", e.toString());
      }
    }
    if (!ids.isEmpty() && stream.subscribers() > 0) {
      deliver(events.byIds(ids));
    } else if (!ids.isEmpty()) {
      lastSeen = Math.max(lastSeen, ids.stream().mapToLong(Long::longValue).max().getAsLong());
    }
  }

  private void catchUp() {
    long from = lastSeen;
    for (var room : stream.activeRooms()) {
      deliver(events.after(room, from, 10_000));
    }
  }

  private void deliver(List<LiveEvent> list) {
    if (!list.isEmpty()) {
      stream.deliver(list);
      lastSeen = Math.max(lastSeen, list.get(list.size() - 1).id());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
