package org.lectern.identity;

import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The order of account lists now that names are sealed (ADR 0022, amendment "staff accounts"): by
 * the lower-cased name, then by id in PostgreSQL's order for {@code uuid} (its bytes, unsigned —
 * the canonical text compares the same way; {@link UUID#compareTo} compares signed halves).
 */
final class ByName {

  private ByName() {}

  static <T> Comparator<T> of(Function<T, String> name, Function<T, UUID> id) {
    return Comparator.<T, String>comparing(t -> key(name.apply(t)))
        .thenComparing(t -> id.apply(t).toString());
  }

  private static String key(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }
}
