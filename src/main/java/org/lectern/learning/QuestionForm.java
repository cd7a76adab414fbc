package org.lectern.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;

/**
 * A question as the organiser typed it: per language {@code body.<lang>}, {@code options.<lang>}
 * (one option a line) and {@code explanation.<lang>}; {@code kind}; {@code correct} (option
 * numbers, "1" or "1, 3"; for true/false 1 is true, 2 is false). Checked as a whole, every problem
 * at once.
 */
record QuestionForm(
    QuestionKind kind,
    LocalizedText body,
    Map<String, List<String>> options,
    List<Integer> correct,
    LocalizedText explanation) {

  static final int MAX_TEXT = 2000;
  static final int MAX_OPTION = 500;
  static final int MIN_OPTIONS = 2;
  static final int MAX_OPTIONS = 8;

  /** Markup is not part of a question: a tag or a comment is refused, not shown or stripped. */
  private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]");

  static QuestionForm parse(Map<String, String> form, List<String> languages) {
    var errors = new InvalidInputException.Collector();
    QuestionKind kind = null;
    try {
      kind = QuestionKind.valueOf(form.getOrDefault("kind", ""));
    } catch (IllegalArgumentException e) {
      errors.add("kind", "learning.question.kind");
    }
    LocalizedText body = LocalizedText.empty();
    LocalizedText explanation = LocalizedText.empty();
    Map<String, List<String>> options = new LinkedHashMap<>();
    Integer count = null;
    for (String lang : languages) {
      String b = form.getOrDefault("body." + lang, "").strip();
      if (b.isEmpty()) {
        errors.add("body." + lang, "learning.question.bodyRequired");
      } else {
        text(errors, "body." + lang, b, MAX_TEXT);
      }
      body = body.with(lang, b);
      String x = form.getOrDefault("explanation." + lang, "").strip();
      text(errors, "explanation." + lang, x, MAX_TEXT);
      explanation = explanation.with(lang, x);
      if (kind != null && kind != QuestionKind.TRUE_FALSE) {
        List<String> lines = lines(form.getOrDefault("options." + lang, ""));
        String field = "options." + lang;
        if (lines.size() < MIN_OPTIONS || lines.size() > MAX_OPTIONS) {
          errors.add(field, "learning.question.optionCount", MIN_OPTIONS, MAX_OPTIONS);
        } else if (count != null && count != lines.size()) {
          errors.add(field, "learning.question.optionsMismatch");
        } else {
          lines.forEach(l -> text(errors, field, l, MAX_OPTION));
          count = lines.size();
        }
        options.put(lang, lines);
      }
    }
    int n = kind == QuestionKind.TRUE_FALSE ? 2 : count == null ? 0 : count;
    List<Integer> correct = numbers(form.getOrDefault("correct", ""));
    if (correct == null || correct.isEmpty() || correct.stream().anyMatch(c -> c < 1 || c > n)) {
      if (!errors.has("kind") && n > 0) {
        errors.add("correct", "learning.question.correctInvalid", n);
      }
    } else if (kind != null && kind.oneAnswer() && correct.size() != 1) {
      errors.add("correct", "learning.question.correctOne");
    }
    errors.throwIfAny();
    return new QuestionForm(
        kind, body, kind == QuestionKind.TRUE_FALSE ? Map.of() : options, correct, explanation);
  }

  private static void text(
      InvalidInputException.Collector errors, String field, String value, int max) {
    if (errors.has(field)) {
      return;
    }
    if (value.length() > max) {
      errors.add(field, "learning.question.tooLong", max);
    } else if (MARKUP.matcher(value).find()) {
      errors.add(field, "learning.question.markup");
    }
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String l : text.split("\\R")) {
      if (!l.isBlank()) {
        out.add(l.strip());
      }
    }
    return out;
  }

  /** The distinct numbers of "1, 3" (commas or spaces); null when something else is there. */
  static List<Integer> numbers(String text) {
    var out = new TreeSet<Integer>();
    for (String part : text.strip().split("[,;\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (!part.matches("\\d{1,2}")) {
        return null;
      }
      out.add(Integer.parseInt(part));
    }
    return List.copyOf(out);
  }
}
