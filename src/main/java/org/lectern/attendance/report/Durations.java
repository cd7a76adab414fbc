package org.lectern.attendance.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the duration spellings of the products: plain minutes (Zoom), {@code 19m 26s} and {@code 2
 * h 44 m} (Teams, localised units), {@code HH:mm:ss} (Zoom dashboard, BigBlueButton), {@code 44
 * мин}.
 */
final class Durations {

  private static final Pattern MINUTES = Pattern.compile("\\d+(?:[.,]\\d+)?");
  private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{2})(?::(\\d{2}))?");
  private static final Pattern PART =
      Pattern.compile(
          "(\\d+)\\s*(heures?|hours?|hrs?|stunden?|std|h|час(?:а|ов)?|ч"
              + "|minuten|minutes?|mins?|m|мин(?:ут[аы]?)?"
              + "|sekunden|seconds?|secs?|s|сек(?:унд[аы]?)?|с)\\.?\\s*");

  private Durations() {}

  static Optional<Duration> parse(String raw) {
    String text = Text.clean(raw).toLowerCase(Locale.ROOT);
    if (Text.isMissing(text)) {
      return Optional.empty();
    }
    if (MINUTES.matcher(text).matches()) {
      double minutes = Double.parseDouble(text.replace(',', '.'));
      return Optional.of(Duration.ofSeconds(Math.round(minutes * 60)));
    }
    Matcher clock = CLOCK.matcher(text);
    if (clock.matches()) {
      long seconds = clock.group(3) == null ? 0 : Long.parseLong(clock.group(3));
      return Optional.of(
          Duration.ofHours(Long.parseLong(clock.group(1)))
              .plusMinutes(Long.parseLong(clock.group(2)))
              .plusSeconds(seconds));
    }
    return units(text);
  }

  private static Optional<Duration> units(String text) {
    Matcher part = PART.matcher(text);
    Duration total = Duration.ZERO;
    int at = 0;
    while (at < text.length() && part.find(at) && part.start() == at) {
      total = total.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
      at = part.end();
    }
    return at == text.length() && at > 0 ? Optional.of(total) : Optional.empty();
  }

  private static Duration unit(String unit) {
    if (unit.startsWith("h") || unit.startsWith("ч") || unit.startsWith("st")) {
      return Duration.ofHours(1);
    }
    if (unit.startsWith("m") || unit.startsWith("мин")) {
      return Duration.ofMinutes(1);
    }
    return Duration.ofSeconds(1);
  }

  /** Whole minutes of a cell, throwing with the cell's position when it is not a duration. */
  static Optional<Integer> minutes(Cell cell) {
    if (cell.isMissing()) {
      return Optional.empty();
    }
    Duration duration =
        parse(cell.text())
            .orElseThrow(() -> cell.error(ReportFormatException.BAD_DURATION, cell.text()));
    return Optional.of((int) duration.toMinutes());
  }
}
