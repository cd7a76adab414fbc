package org.lectern.live;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.lectern.session.SessionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Destroys the vote salt of every room whose window has closed (ADR 0005): from then on the stored
 * voter keys cannot be matched to participants by anyone. Every five minutes, on one node
 * (db-scheduler), not on a timer of each node.
 */
@Configuration(proxyBeanMethods = false)
class RoomCloser {

  @Bean
  RecurringTask<Void> liveRoomCloseTask(
      RoomRepository rooms, SessionService sessions, LiveWindow window) {
    return Tasks.recurring("live-room-close", FixedDelay.of(Duration.ofMinutes(5)))
        .execute((instance, context) -> sweep(rooms, sessions, window));
  }

  /** Signalling rows are needed for seconds; none is kept past two minutes. */
  @Bean
  RecurringTask<Void> liveSignalSweepTask(TableSignals signals) {
    return Tasks.recurring("live-signal-sweep", FixedDelay.of(Duration.ofMinutes(1)))
        .execute((instance, context) -> signals.sweep());
  }

  static int sweep(RoomRepository rooms, SessionService sessions, LiveWindow window) {
    int n = 0;
    for (var id : rooms.roomsWithSalt()) {
      var s = sessions.find(id);
      if (s.isEmpty() || window.hasClosed(s.get())) {
        n += rooms.destroySalt(id);
      }
    }
    return n;
  }
}
