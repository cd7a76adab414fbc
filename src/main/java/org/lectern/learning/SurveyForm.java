package org.lectern.learning;

import java.util.Map;
import org.lectern.shared.error.InvalidInputException;

/**
 * One feedback answer: satisfaction, relevance to practice and (after a session) the speaker, each
 * 1–5; an optional comment in the delegate's own words.
 */
record SurveyForm(int satisfaction, int relevance, Integer speaker, String comment) {

  static final int MAX_COMMENT = 2000;

  static SurveyForm parse(Map<String, String> form, boolean askSpeaker) {
    var errors = new InvalidInputException.Collector();
    Integer s = rating(form.get("satisfaction"));
    Integer r = rating(form.get("relevance"));
    Integer sp = askSpeaker ? rating(form.get("speaker")) : null;
    errors.check(s != null, "satisfaction", "learning.survey.rating");
    errors.check(r != null, "relevance", "learning.survey.rating");
    errors.check(!askSpeaker || sp != null, "speaker", "learning.survey.rating");
    String comment = form.getOrDefault("comment", "").strip();
    errors.check(
        comment.length() <= MAX_COMMENT, "comment", "learning.question.tooLong", MAX_COMMENT);
    errors.throwIfAny();
    return new SurveyForm(s, r, sp, comment.isEmpty() ? null : comment);
  }

  private static Integer rating(String v) {
    return v != null && v.strip().matches("[1-5]") ? Integer.parseInt(v.strip()) : null;
  }
}
