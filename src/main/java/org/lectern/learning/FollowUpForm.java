package org.lectern.learning;

import java.util.Map;
import org.lectern.shared.error.InvalidInputException;

/**
 * One follow-up answer: has the delegate used what they learnt in their practice, have they cited
 * the Covenant (or other international standards) in a submission or UN communication, and an
 * optional example in their own words.
 */
record FollowUpForm(boolean used, boolean cited, String example) {

  static final int MAX_EXAMPLE = 2000;

  static FollowUpForm parse(Map<String, String> form) {
    var errors = new InvalidInputException.Collector();
    Boolean used = yesNo(form.get("used"));
    Boolean cited = yesNo(form.get("cited"));
    errors.check(used != null, "used", "learning.followUp.yesNo");
    errors.check(cited != null, "cited", "learning.followUp.yesNo");
    String example = form.getOrDefault("example", "").strip();
    errors.check(
        example.length() <= MAX_EXAMPLE, "example", "learning.question.tooLong", MAX_EXAMPLE);
    errors.throwIfAny();
    return new FollowUpForm(used, cited, example.isEmpty() ? null : example);
  }

  /** Used in practice, as the behaviour indicator counts it: either answer is yes. */
  boolean usedInPractice() {
    return used || cited;
  }

  private static Boolean yesNo(String v) {
    if ("yes".equals(v)) {
      return true;
    }
    return "no".equals(v) ? false : null;
  }
}
