package org.lectern.live;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lectern.shared.limit.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * A node-local budget of table signals per participant and minute: signalling is cheap but must not
 * become a way to flood a table. A class, not a record: the counts it keeps are the point.
 */
@Component
class SignalBudget {

  static final int PER_MINUTE = 600;

  private final Map<UUID, long[]> budget = new ConcurrentHashMap<>();

  void spend(UUID participant) {
    long minute = System.currentTimeMillis() / 60_000;
    long[] b =
        budget.compute(
            participant,
            (k, old) -> old == null || old[0] != minute ? new long[] {minute, 0} : old);
    synchronized (b) {
      if (++b[1] > PER_MINUTE) {
        throw new TooManyRequestsException("live.tooMany", Duration.ofSeconds(60));
      }
    }
    if (budget.size() > 50_000) {
      budget.entrySet().removeIf(e -> e.getValue()[0] != minute);
    }
  }
}
