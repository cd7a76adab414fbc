package org.lectern.attendance.importing;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Remembered organiser decisions of one programme, looked up by alias key ("e:mail" or "n:name
 * key") through the blind index they are stored under.
 */
record Decisions(Map<String, Optional<UUID>> byIndex, UnaryOperator<String> indexOf) {

  static Decisions none() {
    return new Decisions(Map.of(), k -> k);
  }

  /** Empty when nothing was decided; else the registration, or empty for "not a delegate". */
  Optional<Optional<UUID>> lookup(String aliasKey) {
    if (byIndex.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byIndex.get(indexOf.apply(aliasKey)));
  }
}
