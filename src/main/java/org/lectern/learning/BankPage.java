package org.lectern.learning;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.web.FormErrors;

/**
 * The organiser's question bank page: settings, the questions in every language, and the form for a
 * new question (values kept when it is shown again with errors).
 */
public record BankPage(
    UUID programmeId,
    String title,
    List<String> languages,
    int passMark,
    int postDays,
    boolean opened,
    boolean answered,
    List<QuestionRow> questions,
    Map<String, String> values,
    FormErrors errors,
    FormErrors settingsErrors,
    String notice,
    String preLink,
    String postLink) {

  /** A question as listed: wording per language, options, right answers, explanation. */
  public record QuestionRow(
      UUID id, int number, String kind, List<Version> versions, String correct) {}

  /** The question in one language. */
  public record Version(String lang, String body, List<String> options, String explanation) {}

  public String value(String name) {
    return values.getOrDefault(name, "");
  }
}
