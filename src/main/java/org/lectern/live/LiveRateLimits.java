package org.lectern.live;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.shared.error.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-participant limits, in memory only (per node) — deliberately never written anywhere, so the
 * limiter cannot link an anonymous question to its asker either.
 */
@Component
class LiveRateLimits {

  enum Action {
    QUESTION(5, Duration.ofMinutes(1)),
    VOTE(60, Duration.ofMinutes(1)),
    CHAT(20, Duration.ofMinutes(1)),
    REACTION(30, Duration.ofMinutes(1)),
    HAND(10, Duration.ofMinutes(1)),
    JOIN(30, Duration.ofMinutes(1));

    final int capacity;
    final Duration period;

    Action(int capacity, Duration period) {
      this.capacity = capacity;
      this.period = period;
    }
  }

  private static final int MAX_KEYS = 200_000;

  private final boolean enabled;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  LiveRateLimits(@Value("${lectern.live.rate-limit.enabled:true}") boolean enabled) {
    this.enabled = enabled;
  }

  void check(UUID participantId, Action action) {
    check(participantId.toString(), action);
  }

  void check(String key, Action action) {
    if (!enabled) {
      return;
    }
    if (buckets.size() > MAX_KEYS) {
      buckets.clear();
    }
    Bucket b =
        buckets.computeIfAbsent(
            action + ":" + key,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(action.capacity)
                            .refillGreedy(action.capacity, action.period)
                            .build())
                    .build());
    if (!b.tryConsume(1)) {
      throw new TooMany();
    }
  }

  /** Answered 429. */
  static class TooMany extends DomainException {
    TooMany() {
      super("live.tooMany");
    }
  }
}
