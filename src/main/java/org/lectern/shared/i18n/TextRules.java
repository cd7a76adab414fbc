package org.lectern.shared.i18n;

import java.util.List;
import org.lectern.shared.error.InvalidInputException;

/** Checks organiser-written text: only in the allowed languages, and not too long. */
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
}
