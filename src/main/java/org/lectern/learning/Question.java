package org.lectern.learning;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/**
 * One question of a programme's bank, with its wording in each of the programme's languages.
 * Options are numbered from 1 in the same order in every language; {@code correct} holds the right
 * numbers. A true/false question has the options "true" (1) and "false" (2), worded by the
 * interface.
 */
record Question(
    UUID id,
    UUID programmeId,
    int position,
    QuestionKind kind,
    LocalizedText body,
    Map<String, List<String>> options,
    List<Integer> correct,
    LocalizedText explanation) {

  /** How many options the question has (the same in every language). */
  int optionCount() {
    if (kind == QuestionKind.TRUE_FALSE) {
      return 2;
    }
    return options.values().stream().findFirst().map(List::size).orElse(0);
  }

  /** The options in a language, falling back to the programme's languages in order. */
  List<String> optionsIn(String lang, List<String> fallbacks) {
    if (options.containsKey(lang)) {
      return options.get(lang);
    }
    for (String f : fallbacks) {
      if (options.containsKey(f)) {
        return options.get(f);
      }
    }
    return options.values().stream().findFirst().orElse(List.of());
  }

  /** Right when exactly the correct options were chosen. */
  boolean isRight(Set<Integer> chosen) {
    return new TreeSet<>(chosen).equals(new TreeSet<>(correct));
  }
}
