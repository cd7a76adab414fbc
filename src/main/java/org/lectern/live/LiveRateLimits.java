package org.lectern.live;

import java.time.Duration;
import java.util.UUID;
import org.lectern.shared.limit.Limit;
import org.lectern.shared.limit.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-participant limits in the shared {@link RateLimiter}. The limiter keeps only a keyed digest
 * of the participant and deletes it when the minute has passed, so it cannot be used later to link
 * an anonymous question to its asker.
 */
@Component
record LiveRateLimits(
    @Value("${lectern.live.rate-limit.enabled:true}") boolean enabled, RateLimiter limiter) {

  enum Action {
    QUESTION(5, Duration.ofMinutes(1)),
    VOTE(60, Duration.ofMinutes(1)),
    CHAT(20, Duration.ofMinutes(1)),
    REACTION(30, Duration.ofMinutes(1)),
    HAND(10, Duration.ofMinutes(1)),
    JOIN(30, Duration.ofMinutes(1)),
    NOTE(120, Duration.ofMinutes(1));

    final Limit limit;

    Action(int capacity, Duration period) {
      this.limit = new Limit("live." + name().toLowerCase(), capacity, period, "live.tooMany");
    }
  }

  void check(UUID participantId, Action action) {
    check(participantId.toString(), action);
  }

  void check(String key, Action action) {
    if (enabled) {
      limiter.acquire(action.limit, key);
    }
  }
}
