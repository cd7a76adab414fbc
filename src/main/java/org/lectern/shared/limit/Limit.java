package org.lectern.shared.limit;

import java.time.Duration;

/**
 * How many uses one key may make per window: {@code new Limit("verify.address", 30,
 * Duration.ofMinutes(1), "certificate.tooMany")}. The message key says, in the user's language,
 * what was refused.
 *
 * @param name distinguishes limits that share keys (an address is limited for several things)
 * @param permits uses allowed in one window, at least 1
 * @param window length of a window; windows start at multiples of it since the epoch
 * @param messageKey shown with the 429 answer
 */
public record Limit(String name, int permits, Duration window, String messageKey) {

  public Limit {
    if (name == null || name.isBlank() || permits < 1 || window.toSeconds() < 1) {
      throw new IllegalArgumentException("A limit needs a name, permits >= 1 and a window >= 1 s");
    }
  }

  public static Limit perMinute(String name, int permits, String messageKey) {
    return new Limit(name, permits, Duration.ofMinutes(1), messageKey);
  }
}
