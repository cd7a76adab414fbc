package org.lectern.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.lectern.session.Session;
import org.lectern.shared.error.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a room takes posts: from a while before the session starts to a while after it ends. Outside
 * that window the room is read-only.
 */
@Component
record LiveWindow(
    @Value("${lectern.live.opens-before:30m}") Duration before,
    @Value("${lectern.live.closes-after:2h}") Duration after,
    Clock clock) {

  boolean isOpen(Session s) {
    Instant now = clock.instant();
    return !now.isBefore(s.startsAt().minus(before)) && !now.isAfter(s.endsAt().plus(after));
  }

  boolean hasClosed(Session s) {
    return clock.instant().isAfter(s.endsAt().plus(after));
  }

  void requireOpen(Session s) {
    if (!isOpen(s)) {
      throw new ConflictException("live.readOnly");
    }
  }

  Instant closesAt(Session s) {
    return s.endsAt().plus(after);
  }
}
