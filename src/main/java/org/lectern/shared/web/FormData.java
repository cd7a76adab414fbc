package org.lectern.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.shared.i18n.LocalizedText;
import org.springframework.util.MultiValueMap;

/**
 * Submitted form fields, read explicitly by each feature's {@code …Form.from(FormData)}: no mass
 * assignment onto domain or persistence records.
 */
public record FormData(MultiValueMap<String, String> values) {

  public String get(String name) {
    String v = values.getFirst(name);
    return v == null ? "" : v.strip();
  }

  public String raw(String name) {
    String v = values.getFirst(name);
    return v == null ? "" : v;
  }

  public List<String> all(String name) {
    List<String> v = values.get(name);
    return v == null ? List.of() : v.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public boolean checked(String name) {
    return all(name).stream().anyMatch(v -> v.equals("true") || v.equals("on") || v.equals("1"));
  }

  /** Fields named {@code prefix.en}, {@code prefix.ru}, … as organiser-written text. */
  public LocalizedText text(String prefix) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String lang : org.lectern.shared.i18n.Language.codes()) {
      String v = get(prefix + "." + lang);
      if (!v.isEmpty()) {
        m.put(lang, v);
      }
    }
    return new LocalizedText(m);
  }

  /** Integer or null when empty; the caller reports unparsable input through {@link #isInteger}. */
  public Integer integer(String name) {
    String v = get(name);
    return v.isEmpty() || !isInteger(name) ? null : Integer.valueOf(v);
  }

  public boolean isInteger(String name) {
    String v = get(name);
    return v.isEmpty() || v.matches("-?\\d{1,9}");
  }
}
