package org.lectern.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.lectern.session.Session;

/**
 * When a test may be answered: the pre-test until the first session begins, the post-test from the
 * end of the last session for the configured number of days. {@code reason} is the message key of
 * why it is closed (null when open); {@code from}/{@code until} bound the window when known.
 */
record TestWindow(boolean open, String reason, Instant from, Instant until) {

  static TestWindow of(TestKind kind, TestSettings settings, List<Session> sessions, Instant now) {
    if (!settings.opened()) {
      return new TestWindow(false, "learning.window.notOpened", null, null);
    }
    if (sessions.isEmpty()) {
      return new TestWindow(false, "learning.window.noSessions", null, null);
    }
    Instant first = sessions.stream().map(Session::startsAt).min(Comparator.naturalOrder()).get();
    Instant last = sessions.stream().map(Session::endsAt).max(Comparator.naturalOrder()).get();
    if (kind == TestKind.PRE) {
      return now.isBefore(first)
          ? new TestWindow(true, null, null, first)
          : new TestWindow(false, "learning.window.preClosed", null, first);
    }
    Instant until = last.plus(Duration.ofDays(settings.postDays()));
    if (now.isBefore(last)) {
      return new TestWindow(false, "learning.window.postNotYet", last, until);
    }
    return now.isBefore(until)
        ? new TestWindow(true, null, last, until)
        : new TestWindow(false, "learning.window.postClosed", last, until);
  }
}
