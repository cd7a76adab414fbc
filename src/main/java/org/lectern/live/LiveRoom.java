package org.lectern.live;

import java.util.UUID;
import org.lectern.shared.error.ConflictException;

/** The live room of a session: its settings and what the projector shows. */
record LiveRoom(
    UUID sessionId,
    boolean premoderation,
    boolean chat,
    Anonymity anonymity,
    String joinKey,
    byte[] voteSalt,
    UUID spotlightQuestion,
    UUID spotlightPoll) {

  LiveRoom withSettings(boolean premoderation, boolean chat, Anonymity anonymity) {
    return new LiveRoom(
        sessionId,
        premoderation,
        chat,
        anonymity,
        joinKey,
        voteSalt,
        spotlightQuestion,
        spotlightPoll);
  }

  /** The same room with the projector showing this question, this poll, or (both null) nothing. */
  LiveRoom withSpotlight(UUID question, UUID poll) {
    return new LiveRoom(
        sessionId, premoderation, chat, anonymity, joinKey, voteSalt, question, poll);
  }

  /** Votes need the salt; once the room has closed it is gone and nobody can vote any more. */
  byte[] requireSalt() {
    if (voteSalt == null) {
      throw new ConflictException("live.readOnly");
    }
    return voteSalt;
  }

  void requireChat() {
    if (!chat) {
      throw new ConflictException("live.chat.off");
    }
  }
}
