package org.lectern.shared.limit;

/**
 * The one rate limiter: counts uses per key and window in PostgreSQL, so every node sees the same
 * counts, a flood of new keys never resets the count of an existing key, and a restart forgets
 * nothing. Keys are stored only as keyed digests and only until their window has passed.
 */
public interface RateLimiter {

  /**
   * Counts one use of {@code key} under {@code limit}, or refuses when the window's permits are
   * spent (a refused use is not counted).
   *
   * @return true when the use is allowed
   */
  boolean tryAcquire(Limit limit, String key);

  /**
   * Like {@link #tryAcquire} but throws {@link TooManyRequestsException} (answered 429 with
   * Retry-After) when refused.
   */
  void acquire(Limit limit, String key);

  /**
   * Counts one use under each of two limits, the second only when the first allows it (as {@link
   * #acquire} twice would), and throws {@link TooManyRequestsException} for the first that refuses.
   * One round trip instead of two (the public registration's address and e-mail, issue 16).
   */
  default void acquire(Limit first, String firstKey, Limit second, String secondKey) {
    acquire(first, firstKey);
    acquire(second, secondKey);
  }

  /**
   * Counts up to {@code wanted} uses of {@code key} at once and returns how many were allowed (0 to
   * {@code wanted}); the uses refused are not counted. One round trip for a batch instead of one
   * per use (the outbox's pace, issue 16). Inside a transaction the count commits with it.
   */
  default int acquireUpTo(Limit limit, String key, int wanted) {
    int allowed = 0;
    while (allowed < wanted && tryAcquire(limit, key)) {
      allowed++;
    }
    return allowed;
  }
}
