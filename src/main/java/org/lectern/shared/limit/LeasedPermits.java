package org.lectern.shared.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A limit with many permits per key (an API client's registrations a minute), counted in the shared
 * {@link RateLimiter} a share at a time: a node takes up to {@code share} permits of the key's
 * window in one statement and hands them out from memory, so a busy client costs one statement per
 * share instead of one per request (issue 16). The shared count is what the nodes took, so together
 * they are never allowed more than the permits; a node may be refused while another still holds
 * permits it took (stricter, never more lenient), and one node alone is allowed exactly the
 * permits. What a node took and did not use lapses with the window. A permit given back ({@link
 * Permit#giveBack()}) within its window is handed out again; after it, it lapses with the rest.
 */
public final class LeasedPermits {

  /** Beyond this many keys with permits in hand, keys of ended windows are forgotten. */
  private static final int KEEP = 10_000;

  private final RateLimiter limiter;
  private final Limit limit;
  private final int share;
  private final Clock clock;
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();

  /** Permits of one key in one window, taken from the shared count and not yet used. */
  private static final class Lease {
    private long window;
    private int left;
  }

  /**
   * @param share permits taken at once: 1 counts every use in the database (exact across nodes)
   */
  public LeasedPermits(RateLimiter limiter, Limit limit, int share, Clock clock) {
    if (share < 1) {
      throw new IllegalArgumentException("A share is at least one permit");
    }
    this.limiter = limiter;
    this.limit = limit;
    this.share = Math.min(share, limit.permits());
    this.clock = clock;
  }

  /** One permit used, which its user may give back while its window lasts. */
  public final class Permit {
    private final String key;
    private final long window;
    private boolean givenBack;

    private Permit(String key, long window) {
      this.key = key;
      this.window = window;
    }

    /**
     * Hands the permit out again, as if it had not been used: for a use that turned out not to be
     * the key's (a request whose token no longer works). Nothing once its window has ended (the
     * shared count's window has ended too) or when given back already.
     */
    public void giveBack() {
      Lease lease = leases.get(key);
      if (lease == null) {
        return;
      }
      synchronized (lease) {
        if (!givenBack && lease.window == window && window == windowOf(clock.instant())) {
          givenBack = true;
          lease.left++;
        }
      }
    }
  }

  /** Uses one permit of {@code key}; throws {@link TooManyRequestsException} when none is left. */
  public Permit acquire(String key) {
    return acquire(key, null);
  }

  private long windowOf(Instant now) {
    return Math.floorDiv(now.getEpochSecond(), limit.window().toSeconds());
  }

  /**
   * As {@link #acquire(String)}, running {@code beforeShared} (which may throw) before the shared
   * count is asked, i.e. before anything is written: a permit in hand is used without it.
   */
  public Permit acquire(String key, Runnable beforeShared) {
    Instant now = clock.instant();
    long size = limit.window().toSeconds();
    long window = windowOf(now);
    if (leases.size() > KEEP) {
      leases.values().removeIf(l -> l.window < window);
    }
    Lease lease = leases.computeIfAbsent(key, k -> new Lease());
    synchronized (lease) {
      if (lease.window == window && lease.left > 0) {
        lease.left--;
        return new Permit(key, window);
      }
      if (beforeShared != null) {
        beforeShared.run();
      }
      int taken = limiter.acquireUpTo(limit, key, share);
      if (taken == 0) {
        throw new TooManyRequestsException(
            limit.messageKey(), Duration.between(now, Instant.ofEpochSecond((window + 1) * size)));
      }
      lease.window = window;
      lease.left = taken - 1;
      return new Permit(key, window);
    }
  }
}
