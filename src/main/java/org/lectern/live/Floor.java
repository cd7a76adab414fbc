package org.lectern.live;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Chat, raised hands and reactions. */
@Service
class Floor {

  static final int CHAT_MAX = 500;
  static final Set<String> REACTIONS = Set.of("applause", "agree", "heart", "thinking");

  private final RoomRepository rooms;
  private final FloorRepository floor;
  private final EventLog events;
  private final LiveWindow window;
  private final LiveRateLimits limits;
  private final Clock clock;

  Floor(
      RoomRepository rooms,
      FloorRepository floor,
      EventLog events,
      LiveWindow window,
      LiveRateLimits limits,
      Clock clock) {
    this.rooms = rooms;
    this.floor = floor;
    this.events = events;
    this.window = window;
    this.limits = limits;
    this.clock = clock;
  }

  @Transactional
  void chat(Viewer v, String text) {
    Participant p = v.requireParticipant();
    String body = text == null ? "" : text.strip();
    var problems = new InvalidInputException.Collector();
    problems.check(!body.isEmpty(), "message", "live.chat.empty");
    problems.check(body.length() <= CHAT_MAX, "message", "live.chat.tooLong", CHAT_MAX);
    problems.throwIfAny();
    window.requireOpen(v.session());
    limits.check(p.id(), LiveRateLimits.Action.CHAT);
    LiveRoom room = rooms.lock(v.session().id());
    room.requireChat();
    UUID id = UUID.randomUUID();
    floor.chat(room.sessionId(), id, p.id(), p.displayName(), body, clock.instant());
    var m = new java.util.LinkedHashMap<String, Object>();
    m.put("id", id);
    if (p.displayName() != null) {
      m.put("author", p.displayName());
    }
    m.put("text", body);
    events.append(room.sessionId(), "chat.posted", m);
  }

  @Transactional
  void hideChat(Viewer v, UUID messageId) {
    v.requireModerator();
    rooms.lock(v.session().id());
    if (!floor.hideChat(v.session().id(), messageId)) {
      throw new NotFoundException("live.chat.notFound");
    }
    events.append(v.session().id(), "chat.hidden", Map.of("id", messageId));
  }

  @Transactional
  void hand(Viewer v, boolean raise) {
    Participant p = v.requireParticipant();
    window.requireOpen(v.session());
    limits.check(p.id(), LiveRateLimits.Action.HAND);
    rooms.lock(v.session().id());
    boolean changed =
        raise
            ? floor.raise(p.sessionId(), p.id(), clock.instant())
            : floor.lower(p.sessionId(), p.id());
    if (changed) {
      events.append(p.sessionId(), raise ? "hand.raised" : "hand.lowered", handsPayload(v));
    }
  }

  /** The moderator gives the floor (or dismisses): the hand goes down. */
  @Transactional
  void lowerHand(Viewer v, UUID participantId) {
    v.requireModerator();
    rooms.lock(v.session().id());
    if (floor.lower(v.session().id(), participantId)) {
      events.append(v.session().id(), "hand.lowered", handsPayload(v));
    }
  }

  @Transactional
  void react(Viewer v, String kind) {
    Participant p = v.requireParticipant();
    if (!REACTIONS.contains(kind)) {
      throw InvalidInputException.of("kind", "live.reaction.unknown");
    }
    window.requireOpen(v.session());
    limits.check(p.id(), LiveRateLimits.Action.REACTION);
    rooms.lock(v.session().id());
    events.append(v.session().id(), "reaction", Map.of("kind", kind));
  }

  List<FloorRepository.ChatMessage> chat(UUID sessionId) {
    return floor.chat(sessionId, 100);
  }

  List<FloorRepository.Hand> hands(UUID sessionId) {
    return floor.hands(sessionId);
  }

  Map<String, Integer> reactions(UUID sessionId) {
    return events.reactions(sessionId);
  }

  private Map<String, Object> handsPayload(Viewer v) {
    return Map.of("raised", floor.hands(v.session().id()).size());
  }
}
