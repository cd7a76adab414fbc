package org.lectern.learning;

import java.util.Locale;
import java.util.Optional;

/** The knowledge test before the first session and the same test after the last. */
public enum TestKind {
  PRE,
  POST;

  /** The kind's lower-case name, as in links ({@code pre}, {@code post}). */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<TestKind> ofSlug(String slug) {
    for (TestKind k : values()) {
      if (k.slug().equals(slug)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
