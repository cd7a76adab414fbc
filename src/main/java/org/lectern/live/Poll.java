package org.lectern.live;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;

/** A poll with its options, in order. */
record Poll(
    UUID id,
    UUID sessionId,
    String question,
    boolean multiple,
    PollStatus status,
    List<Option> options,
    Instant createdAt) {

  static final int QUESTION_MAX = 300;
  static final int OPTION_MAX = 120;
  static final int MAX_OPTIONS = 10;

  record Option(UUID id, int position, String label) {}

  Poll open() {
    if (status != PollStatus.DRAFT) {
      throw new ConflictException("live.poll.notDraft");
    }
    return with(PollStatus.OPEN);
  }

  Poll close() {
    if (status != PollStatus.OPEN) {
      throw new ConflictException("live.poll.notOpen");
    }
    return with(PollStatus.CLOSED);
  }

  /** Checks a ballot: the poll is open and the choice fits single or multiple choice. */
  void check(Set<UUID> choice) {
    if (status != PollStatus.OPEN) {
      throw new ConflictException("live.poll.notOpen");
    }
    boolean known = options.stream().map(Option::id).toList().containsAll(choice);
    if (choice.isEmpty() || !known || !multiple && choice.size() > 1) {
      throw InvalidInputException.of("option", "live.poll.badChoice");
    }
  }

  private Poll with(PollStatus s) {
    return new Poll(id, sessionId, question, multiple, s, options, createdAt);
  }
}
