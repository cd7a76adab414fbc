package org.lectern.learning;

import java.util.UUID;
import org.lectern.shared.error.NotFoundException;

/** A question named in an address (a programme's bank or a recording's quiz). */
final class QuestionIds {

  private QuestionIds() {}

  /**
   * The question's id; one that is no id at all is a question not found, once {@code mayManage} has
   * checked the caller may manage where it would be (so a stranger is refused as for any question).
   */
  static UUID parse(String qid, Runnable mayManage) {
    try {
      return UUID.fromString(qid);
    } catch (IllegalArgumentException e) {
      mayManage.run();
      throw new NotFoundException("learning.questionNotFound");
    }
  }
}
