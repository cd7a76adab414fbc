package org.lectern.learning;

import java.util.Map;
import org.lectern.shared.web.FormErrors;

/**
 * A feedback survey as the delegate sees it.
 *
 * @param state {@code form}, {@code closed} or {@code done}
 * @param about the session's title, or null for the survey at the end of the programme
 */
public record SurveyPage(
    String programmeTitle,
    String titleLang,
    String about,
    String state,
    String action,
    String closedReason,
    boolean anonymous,
    boolean askSpeaker,
    Map<String, String> values,
    FormErrors errors) {

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  SurveyPage withError(FormErrors e) {
    return new SurveyPage(
        programmeTitle,
        titleLang,
        about,
        state,
        action,
        closedReason,
        anonymous,
        askSpeaker,
        values,
        e);
  }
}
