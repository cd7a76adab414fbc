package org.lectern.shared.web.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lectern.shared.i18n.LocalizedText;

/**
 * Organiser-written text in API requests: either a plain string (taken to be in the main language)
 * or an object by language, e.g. {@code {"ru": "…", "kk": "…"}}.
 */
public record TextValue(String plain, Map<String, String> byLanguage) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TextValue of(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return new TextValue(s, null);
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, String> out = new LinkedHashMap<>();
      m.forEach(
          (k, v) -> {
            // A language's text is text: 42, true or an object is refused, not turned into "42".
            if (v != null && !(v instanceof String)) {
              throw new IllegalArgumentException("the text of a language must be a string");
            }
            out.put(String.valueOf(k), (String) v);
          });
      return new TextValue(null, out);
    }
    throw new IllegalArgumentException("text must be a string or an object by language");
  }

  public LocalizedText in(String mainLanguage) {
    if (plain != null) {
      return LocalizedText.of(mainLanguage, plain);
    }
    return new LocalizedText(byLanguage);
  }

  public static LocalizedText orEmpty(TextValue v, String mainLanguage) {
    return v == null ? LocalizedText.empty() : v.in(mainLanguage);
  }
}
