package org.lectern.shared.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The interface languages Lectern ships complete: English, Russian and Kazakh. */
public enum Language {
  EN("en"),
  RU("ru"),
  KK("kk");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The locale for messages and formats; English is British, like the domain's words. */
  public Locale locale() {
    return this == EN ? Locale.UK : Locale.forLanguageTag(code);
  }

  public static Optional<Language> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.code.equals(c)).findFirst();
  }

  public static Language of(Locale locale) {
    return locale == null ? EN : fromCode(locale.getLanguage()).orElse(EN);
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(Language::code).toList();
  }
}
