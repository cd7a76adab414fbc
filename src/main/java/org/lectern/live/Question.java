package org.lectern.live;

import java.time.Instant;
import java.util.UUID;
import org.lectern.shared.error.ConflictException;

/**
 * A question in the queue. {@code authorName} is null for anonymous questions, and then nothing
 * else refers to the asker either (ADR 0005).
 */
record Question(
    UUID id,
    UUID sessionId,
    String authorName,
    String body,
    QuestionStatus status,
    boolean pinned,
    int votes,
    Instant createdAt) {

  static final int MAX_LENGTH = 500;

  Question approve() {
    if (status != QuestionStatus.PENDING) {
      throw new ConflictException("live.question.notPending");
    }
    return with(QuestionStatus.VISIBLE, pinned);
  }

  Question answer() {
    if (status != QuestionStatus.VISIBLE) {
      throw new ConflictException("live.question.notOpen");
    }
    return with(QuestionStatus.ANSWERED, false);
  }

  Question hide() {
    if (status == QuestionStatus.HIDDEN) {
      throw new ConflictException("live.question.alreadyHidden");
    }
    return with(QuestionStatus.HIDDEN, false);
  }

  Question pin(boolean pin) {
    if (status != QuestionStatus.VISIBLE) {
      throw new ConflictException("live.question.notOpen");
    }
    return with(status, pin);
  }

  /** Only questions everybody sees can be voted on. */
  void requireVotable() {
    if (status != QuestionStatus.VISIBLE) {
      throw new ConflictException("live.question.notOpen");
    }
  }

  boolean publicView() {
    return status == QuestionStatus.VISIBLE || status == QuestionStatus.ANSWERED;
  }

  private Question with(QuestionStatus s, boolean pin) {
    return new Question(id, sessionId, authorName, body, s, pin, votes, createdAt);
  }
}
