package org.lectern.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/** Chat, raised hands and reactions. */
@Service
record Floor(RoomSteps steps, FloorRepository floor, Transactions transactions) {

  static final int CHAT_MAX = 500;
  static final Set<String> REACTIONS = Set.of("applause", "agree", "heart", "thinking");

  void chat(Viewer v, String text) {
    transactions.run(
        () -> {
          Participant p = v.requireParticipant();
          var problems = new InvalidInputException.Collector();
          String body =
              problems.requiredText(
                  text, "message", CHAT_MAX, "live.chat.empty", "live.chat.tooLong");
          problems.throwIfAny();
          steps.requireOpen(v);
          steps.check(p.id(), LiveRateLimits.Action.CHAT);
          LiveRoom room = steps.lock(v);
          room.requireChat();
          UUID id = UUID.randomUUID();
          floor.chat(room.sessionId(), id, p.id(), p.displayName(), body, steps.now());
          var m = new java.util.LinkedHashMap<String, Object>();
          m.put("id", id);
          if (p.displayName() != null) {
            m.put("author", p.displayName());
          }
          m.put("text", body);
          steps.append(room.sessionId(), "chat.posted", m);
        });
  }

  void hideChat(Viewer v, UUID messageId) {
    transactions.run(
        () -> {
          v.requireModerator();
          steps.lock(v);
          if (!floor.hideChat(v.session().id(), messageId)) {
            throw new NotFoundException("live.chat.notFound");
          }
          steps.append(v.session().id(), "chat.hidden", Map.of("id", messageId));
        });
  }

  void hand(Viewer v, boolean raise) {
    transactions.run(
        () -> {
          Participant p = v.requireParticipant();
          steps.requireOpen(v);
          steps.check(p.id(), LiveRateLimits.Action.HAND);
          steps.lock(v);
          boolean changed =
              raise
                  ? floor.raise(p.sessionId(), p.id(), steps.now())
                  : floor.lower(p.sessionId(), p.id());
          if (changed) {
            steps.append(p.sessionId(), raise ? "hand.raised" : "hand.lowered", handsPayload(v));
          }
        });
  }

  /** The moderator gives the floor (or dismisses): the hand goes down. */
  void lowerHand(Viewer v, UUID participantId) {
    transactions.run(
        () -> {
          v.requireModerator();
          steps.lock(v);
          if (floor.lower(v.session().id(), participantId)) {
            steps.append(v.session().id(), "hand.lowered", handsPayload(v));
          }
        });
  }

  void react(Viewer v, String kind) {
    transactions.run(
        () -> {
          Participant p = v.requireParticipant();
          if (!REACTIONS.contains(kind)) {
            throw InvalidInputException.of("kind", "live.reaction.unknown");
          }
          steps.requireOpen(v);
          steps.check(p.id(), LiveRateLimits.Action.REACTION);
          steps.lock(v);
          steps.append(v.session().id(), "reaction", Map.of("kind", kind));
        });
  }

  List<FloorRepository.ChatMessage> chat(UUID sessionId) {
    return floor.chat(sessionId, 100);
  }

  List<FloorRepository.Hand> hands(UUID sessionId) {
    return floor.hands(sessionId);
  }

  Map<String, Integer> reactions(UUID sessionId) {
    return steps.reactions(sessionId);
  }

  private Map<String, Object> handsPayload(Viewer v) {
    return Map.of("raised", floor.hands(v.session().id()).size());
  }
}
