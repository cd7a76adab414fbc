package org.lectern.live;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lectern.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Destroys the vote salt of every room whose window has closed (ADR 0005): from then on the stored
 * voter keys cannot be matched to participants by anyone.
 */
@Component
class RoomCloser {

  private static final Logger log = LoggerFactory.getLogger(RoomCloser.class);

  private final RoomRepository rooms;
  private final SessionService sessions;
  private final LiveWindow window;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "live-room-closer");
            t.setDaemon(true);
            return t;
          });

  RoomCloser(RoomRepository rooms, SessionService sessions, LiveWindow window) {
    this.rooms = rooms;
    this.sessions = sessions;
    this.window = window;
    timer.scheduleWithFixedDelay(this::sweepQuietly, 1, 5, TimeUnit.MINUTES);
  }

  int sweep() {
    int n = 0;
    for (var id : rooms.roomsWithSalt()) {
      var s = sessions.find(id);
      if (s.isEmpty() || window.hasClosed(s.get())) {
        n += rooms.destroySalt(id);
      }
    }
    return n;
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("Could not close live rooms: {}", e.toString());
    }
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }
}
