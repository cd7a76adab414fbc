package org.lectern.learning;

import java.util.UUID;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;

/**
 * How a programme's knowledge test runs: the pass mark (per cent of the maximum score), how many
 * days the post-test stays open after the last session, and whether delegates may take it.
 */
record TestSettings(UUID programmeId, int passMark, int postDays, boolean opened) {

  static final int DEFAULT_PASS_MARK = 70;
  static final int DEFAULT_POST_DAYS = 30;

  static TestSettings defaults(UUID programmeId) {
    return new TestSettings(programmeId, DEFAULT_PASS_MARK, DEFAULT_POST_DAYS, false);
  }

  /** New pass mark and post-test days, both checked. */
  TestSettings change(String passMark, String postDays) {
    var errors = new InvalidInputException.Collector();
    Integer mark = number(passMark);
    Integer days = number(postDays);
    errors.check(mark != null && mark >= 1 && mark <= 100, "passMark", "learning.passMark");
    errors.check(days != null && days >= 1 && days <= 365, "postDays", "learning.postDays");
    errors.throwIfAny();
    return new TestSettings(programmeId, mark, days, opened);
  }

  /** Delegates may take the test; refused for an empty bank. */
  TestSettings open(int questions) {
    if (questions == 0) {
      throw new ConflictException("learning.bankEmpty");
    }
    return new TestSettings(programmeId, passMark, postDays, true);
  }

  TestSettings close() {
    return new TestSettings(programmeId, passMark, postDays, false);
  }

  boolean passes(int score, int max) {
    return max > 0 && score * 100 >= passMark * max;
  }

  private static Integer number(String s) {
    if (s == null || !s.strip().matches("\\d{1,3}")) {
      return null;
    }
    return Integer.parseInt(s.strip());
  }
}
