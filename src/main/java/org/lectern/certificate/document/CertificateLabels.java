package org.lectern.certificate.document;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fixed texts of a certificate in one language, already translated by the caller (the app takes
 * them from its message bundles), so the engine holds no translations of its own.
 */
public record CertificateLabels(Map<String, String> texts) {

  /** Every key a template may use as {@code {{label.key}}}; all must be present. */
  public static final List<String> KEYS =
      List.of(
          "title",
          "intro",
          "licence",
          "completed",
          "dates",
          "hours",
          "hoursUnit",
          "mode",
          "issuer",
          "partners",
          "trainers",
          "topics",
          "module",
          "code",
          "verify",
          "issueDate");

  public CertificateLabels {
    texts = Map.copyOf(Objects.requireNonNull(texts, "texts"));
    Set<String> missing = new TreeSet<>(KEYS);
    missing.removeAll(texts.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Certificate labels are missing keys: " + missing);
    }
  }

  public String text(String key) {
    String text = texts.get(key);
    if (text == null) {
      throw new IllegalArgumentException("Unknown certificate label: " + key);
    }
    return text;
  }

  /** "Module 3 of the programme": the {@code module} label with {0} replaced by the number. */
  public String moduleLine(int number, Locale locale) {
    return new MessageFormat(text("module"), locale).format(new Object[] {String.valueOf(number)});
  }
}
