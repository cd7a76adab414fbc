package org.lectern.registration;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.i18n.LocalizedText;

/** A custom question of a programme's registration form. */
public record Question(
    UUID id,
    UUID programmeId,
    int position,
    Kind kind,
    LocalizedText label,
    List<Option> options,
    boolean required,
    boolean active) {

  public enum Kind {
    TEXT,
    SINGLE,
    MULTIPLE,
    YES_NO
  }

  /** A choice: a stable value and its label per language. */
  public record Option(String value, LocalizedText label) {}

  public static final int TEXT_MAX = 2000;

  /** The values a choice question accepts ("yes"/"no" for YES_NO). */
  public List<String> values() {
    return kind == Kind.YES_NO
        ? List.of("yes", "no")
        : options.stream().map(Option::value).toList();
  }

  public String field() {
    return "q." + id;
  }
}
