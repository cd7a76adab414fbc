package org.lectern.learning;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/**
 * A session's recording as the delegate sees it behind their personal link.
 *
 * @param refusal why it cannot be watched now, or null
 * @param window until when it can be watched, in the viewer's zone with the programme's named
 * @param result the stored quiz attempt, or null
 */
public record RecordingPage(
    String programmeTitle,
    String titleLang,
    String sessionTitle,
    String refusal,
    String url,
    String window,
    String action,
    List<TestPage.QuestionView> questions,
    Result result,
    FormErrors errors) {

  /** The quiz: right answers of the questions, passed or not. */
  public record Result(int score, int max, boolean passed, int passPercent) {}

  public boolean quizOpen() {
    return refusal == null && !questions.isEmpty() && (result == null || !result.passed());
  }
}
