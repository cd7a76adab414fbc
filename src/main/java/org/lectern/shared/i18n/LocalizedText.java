package org.lectern.shared.i18n;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Organiser-written text in several languages. Reading falls back to the content's own languages in
 * order (the programme's first language first), so a visitor never sees an empty title.
 */
public record LocalizedText(Map<String, String> values) {

  public LocalizedText {
    Map<String, String> clean = new LinkedHashMap<>();
    if (values != null) {
      values.forEach(
          (k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
              clean.put(k, v.strip());
            }
          });
    }
    values = Collections.unmodifiableMap(clean);
  }

  public static LocalizedText empty() {
    return new LocalizedText(Map.of());
  }

  public static LocalizedText of(String lang, String value) {
    return new LocalizedText(Map.of(lang, value));
  }

  /** The text in {@code lang}, else in the first of {@code fallbacks} that has it, else any. */
  public String in(String lang, List<String> fallbacks) {
    String v = values.get(lang);
    if (v != null) {
      return v;
    }
    for (String f : fallbacks) {
      if (values.containsKey(f)) {
        return values.get(f);
      }
    }
    return values.values().stream().findFirst().orElse("");
  }

  /** The text as shown in {@code lang}, with the language it is really in (for lang=""). */
  public Shown show(String lang, List<String> fallbacks) {
    if (values.containsKey(lang)) {
      return new Shown(values.get(lang), lang);
    }
    for (String f : fallbacks) {
      if (values.containsKey(f)) {
        return new Shown(values.get(f), f);
      }
    }
    return values.entrySet().stream()
        .findFirst()
        .map(e -> new Shown(e.getValue(), e.getKey()))
        .orElse(new Shown("", lang));
  }

  /** Text and the language it is written in. */
  public record Shown(String text, String lang) {
    @Override
    public String toString() {
      return text;
    }
  }

  public String get(String lang) {
    return values.getOrDefault(lang, "");
  }

  public boolean has(String lang) {
    return values.containsKey(lang);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public LocalizedText with(String lang, String value) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    if (value == null || value.isBlank()) {
      copy.remove(lang);
    } else {
      copy.put(lang, value);
    }
    return new LocalizedText(copy);
  }
}
