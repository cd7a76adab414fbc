package org.lectern.live;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.lectern.shared.error.ConflictException;

/**
 * One round of discussion tables in a room: opened by the moderator for some minutes, with one
 * question for all (or one per table), closed by the moderator (everyone back in the main room).
 * The end time is what the timer counts down to; the tables stay open until the moderator closes
 * them, so a lively discussion is not cut off mid-sentence.
 */
record TableRound(
    UUID id,
    UUID sessionId,
    Grouping grouping,
    Mixing mixing,
    int maxSize,
    String question,
    String broadcast,
    TableProvider provider,
    Instant openedAt,
    Instant endsAt,
    Instant closedAt) {

  static final int MIN_MINUTES = 1;
  static final int MAX_MINUTES = 120;
  static final int MIN_SIZE = 2;
  static final int MAX_SIZE = 12;
  static final int TEXT_MAX = 500;

  /** How people are put at tables. */
  enum Grouping {
    /** At random. */
    RANDOM,
    /** Regions spread over the tables: Almaty sits with Aktobe and Kyzylorda. */
    REGION,
    /** People of one language together. */
    LANGUAGE,
    /** Everyone chooses a table; nobody is seated by Lectern. */
    CHOICE
  }

  /** Whether people in the training room and remote people share tables. */
  enum Mixing {
    MIXED,
    SEPARATE
  }

  boolean isOpen() {
    return closedAt == null;
  }

  void requireOpen() {
    if (!isOpen()) {
      throw new ConflictException("live.tables.closed");
    }
  }

  TableRound close(Clock clock) {
    requireOpen();
    return new TableRound(
        id,
        sessionId,
        grouping,
        mixing,
        maxSize,
        question,
        broadcast,
        provider,
        openedAt,
        endsAt,
        clock.instant());
  }

  /** Whether the timer has run out (the tables stay open until the moderator closes them). */
  boolean timeIsUp(Clock clock) {
    return !clock.instant().isBefore(endsAt);
  }
}
