package org.lectern.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.attendance.CompletionRule.SessionResult;
import org.lectern.attendance.checkin.CheckIn;
import org.lectern.attendance.report.Interval;
import org.lectern.attendance.results.Presence;
import org.lectern.shared.error.InvalidInputException;

class CompletionRuleTest {

  final UUID r = UUID.randomUUID();

  @Test
  void atLeastXPercentOfAtLeastNSessions() {
    var rule = new CompletionRule(75, 2);
    var results =
        List.of(
            new SessionResult(UUID.randomUUID(), 90, 75, false),
            new SessionResult(UUID.randomUUID(), 89, 74, false),
            new SessionResult(UUID.randomUUID(), 120, 100, false));
    Completion c = rule.judge(r, results, 3);
    assertThat(c.sessionsAttended()).isEqualTo(2);
    assertThat(c.sessionsRequired()).isEqualTo(2);
    assertThat(c.minutes()).isEqualTo(299);
    assertThat(c.completed()).isTrue();
    assertThat(new CompletionRule(75, 0).judge(r, results, 3).completed()).isFalse();
  }

  @Test
  void creditFromAnotherSourceCountsTheSession() {
    var rule = new CompletionRule(75, 0);
    var results =
        List.of(
            new SessionResult(UUID.randomUUID(), 0, 0, true),
            new SessionResult(UUID.randomUUID(), 100, 80, false));
    assertThat(rule.judge(r, results, 2).completed()).isTrue();
  }

  @Test
  void invalidRulesAreRefused() {
    assertThatThrownBy(() -> CompletionRule.of(0, 1)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> CompletionRule.of(75, -1)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void roomAndOnlinePresenceAreUnitedNotSummed() {
    Instant start = Instant.parse("2024-03-14T04:00:00Z");
    Instant end = start.plusSeconds(7200);
    var online = List.of(new Interval(start, start.plusSeconds(3600)));
    var scans =
        List.of(new CheckIn(UUID.randomUUID(), null, r, CheckIn.Kind.IN, start.plusSeconds(1800)));
    var room = CheckIn.presence(scans, end);
    var effective = new Presence(online, room, null).effective(start, end);
    // Online 0:00-1:00, room 0:30-2:00 (no check-out): 2:00 together, not 2:30.
    assertThat(effective.minutes()).isEqualTo(120);
    assertThat(effective.percent()).isEqualTo(100);
  }
}
