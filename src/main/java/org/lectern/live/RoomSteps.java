package org.lectern.live;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The steps every change in a live room takes, in this order, inside the caller's transaction: the
 * room must be open (its time window), the participant within their rate limit, the room row locked
 * (so changes of one room are serialised), then the change recorded in the room's event log, which
 * the viewers' streams read. Floor (chat, hands, reactions), PollService and QuestionService take
 * them here.
 */
@Component
record RoomSteps(
    RoomRepository rooms,
    EventLog events,
    LiveWindow window,
    LiveRateLimits limits,
    java.time.Clock clock) {

  void requireOpen(Viewer v) {
    window.requireOpen(v.session());
  }

  void check(UUID participantId, LiveRateLimits.Action action) {
    limits.check(participantId, action);
  }

  void check(String key, LiveRateLimits.Action action) {
    limits.check(key, action);
  }

  LiveRoom lock(Viewer v) {
    return rooms.lock(v.session().id());
  }

  /** The room of the viewer's session, when it was set up. */
  java.util.Optional<LiveRoom> find(Viewer v) {
    return rooms.find(v.session().id());
  }

  void update(LiveRoom room) {
    rooms.update(room);
  }

  long append(UUID sessionId, String type, Object payload) {
    return events.append(sessionId, type, payload);
  }

  Map<String, Integer> reactions(UUID sessionId) {
    return events.reactions(sessionId);
  }

  Instant now() {
    return clock.instant();
  }
}
