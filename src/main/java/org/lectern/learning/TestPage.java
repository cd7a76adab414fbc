package org.lectern.learning;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/**
 * A delegate's knowledge test: the form (questions in shuffled order), the reason it is closed, or
 * the result with each question's explanation.
 *
 * @param state {@code form}, {@code closed} or {@code done}
 * @param window when the test is open, in the viewer's zone with the programme's zone named
 */
public record TestPage(
    String programmeTitle,
    String titleLang,
    String kind,
    String state,
    String action,
    String closedReason,
    String window,
    List<QuestionView> questions,
    FormErrors errors,
    Result result) {

  /** One question as the delegate sees it. */
  public record QuestionView(
      String field,
      String text,
      String lang,
      boolean multiple,
      List<OptionView> options,
      String explanation,
      Boolean right) {}

  /** One option: its number (the value posted) and wording; whether chosen, whether correct. */
  public record OptionView(int number, String label, boolean chosen, boolean correct) {}

  /** The stored attempt. */
  public record Result(int score, int max, long percent, boolean passed, int passMark) {}

  TestPage withError(FormErrors e) {
    return new TestPage(
        programmeTitle, titleLang, kind, state, action, closedReason, window, questions, e, result);
  }
}
