package org.lectern.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * Rate limits count in fixed windows aligned to the epoch ({@code PostgresRateLimiter}). A test
 * that counts requests up to a limit must make them all in one window, or a window's end in the
 * middle of the loop splits them and the limit is never reached (tests failed so on loaded
 * machines). Waiting here first costs nothing in most runs and at most {@code needed}.
 */
public final class LimitWindows {

  private LimitWindows() {}

  /** Returns once the current window of this size has more than {@code needed} left. */
  public static void awaitRoom(Duration window, Duration needed) {
    long size = window.toMillis();
    if (needed.toMillis() * 2 > size) {
      throw new IllegalArgumentException(
          "a window of " + window + " never has " + needed + " left");
    }
    await()
        .atMost(needed.plusSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> size - System.currentTimeMillis() % size > needed.toMillis());
  }
}
