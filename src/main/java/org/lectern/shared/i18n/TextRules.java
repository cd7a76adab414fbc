package org.lectern.shared.i18n;

import java.util.List;
import org.lectern.shared.error.InvalidInputException;

/**
 * Checks organiser-written text: only in the allowed languages, and not too long. The characters
 * themselves were already checked on the way in ({@link org.lectern.shared.text.TextInput}).
 */
public final class TextRules {

  private TextRules() {}

  public static void check(
      InvalidInputException.Collector p,
      String field,
      LocalizedText text,
      List<String> languages,
      int max) {
    text.values()
        .forEach(
            (lang, value) -> {
              p.check(
                  languages.isEmpty() || languages.contains(lang),
                  field + "." + lang,
                  "validation.notProgrammeLanguage",
                  lang);
              p.check(value.length() <= max, field + "." + lang, "validation.tooLong", max);
            });
  }

  /** As {@link #check}, for a title: also on one line (no line breaks or tabs). */
  public static void checkTitle(
      InvalidInputException.Collector p,
      String field,
      LocalizedText text,
      List<String> languages,
      int max) {
    check(p, field, text, languages, max);
    text.values()
        .forEach(
            (lang, value) ->
                p.check(
                    value.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\t'),
                    field + "." + lang,
                    "validation.oneLine"));
  }
}
