package org.lectern.attendance.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the date-time spellings of the supported products (12/24 h, month names, numeric dates
 * with any separator, ISO, epoch millis, time of day only) without deciding day order.
 */
final class WrittenTimes {

  private static final String TIME =
      "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?";
  private static final Pattern EPOCH = Pattern.compile("\\d{12,13}");
  private static final Pattern TIME_ONLY = Pattern.compile(TIME);
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:[,\\s]+(?:à|a|um|в|at)?\\s*"
              + TIME
              + ")?");
  private static final Pattern YEAR_FIRST =
      Pattern.compile(
          "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:(?:t|\\s+)"
              + TIME
              + ")?\\s*(z|utc|gmt|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern MONTH_NAME_FIRST =
      Pattern.compile(
          "(\\p{L}{3,})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?:[,\\s]+(?:at\\s+)?" + TIME + ")?");
  private static final Pattern DAY_FIRST_NAME =
      Pattern.compile("(\\d{1,2})\\.?\\s+(\\p{L}{3,})\\.?\\s+(\\d{4})(?:[,\\s]+" + TIME + ")?");

  /**
   * Month names as the products write them (lower case, usually cut to three letters), by language,
   * January first; "-" where the language uses the spelling of a row above.
   */
  private static final Map<String, Integer> MONTHS =
      months(
          "jan feb mar apr may jun jul aug sep oct nov dec",
          "янв фев мар апр мая июн июл авг сен окт ноя дек",
          "- - - - май - - - - - - -",
          "- fév - avr mai juin juil aoû - - - déc",
          "- - mär - - - - - - okt - dez");

  private static Map<String, Integer> months(String... languages) {
    Map<String, Integer> months = new HashMap<>();
    for (String language : languages) {
      String[] names = language.split(" ");
      for (int i = 0; i < names.length; i++) {
        if (!names[i].equals("-")) {
          months.put(names[i], i + 1);
        }
      }
    }
    return Map.copyOf(months);
  }

  private WrittenTimes() {}

  static Optional<WrittenTime> parse(String raw) {
    String text = Text.clean(raw).toLowerCase(Locale.ROOT);
    try {
      return Optional.ofNullable(parseCleaned(text));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static WrittenTime parseCleaned(String text) {
    Matcher m;
    if (EPOCH.matcher(text).matches()) {
      return WrittenTime.absolute(Instant.ofEpochMilli(Long.parseLong(text)));
    }
    if ((m = TIME_ONLY.matcher(text)).matches()) {
      return WrittenTime.timeOnly(time(m, 1));
    }
    if ((m = NUMERIC.matcher(text)).matches()) {
      int year = Integer.parseInt(m.group(4));
      year = year < 100 ? 2000 + year : year;
      int first = Integer.parseInt(m.group(1));
      int second = Integer.parseInt(m.group(3));
      LocalTime time = time(m, 5);
      return m.group(2).equals(".")
          ? WrittenTime.known(LocalDate.of(year, second, first), time)
          : WrittenTime.numeric(first, second, year, time);
    }
    if ((m = YEAR_FIRST.matcher(text)).matches()) {
      return yearFirst(m);
    }
    if ((m = MONTH_NAME_FIRST.matcher(text)).matches()) {
      return named(m.group(1), m.group(2), m.group(3), time(m, 4));
    }
    if ((m = DAY_FIRST_NAME.matcher(text)).matches()) {
      return named(m.group(2), m.group(1), m.group(3), time(m, 4));
    }
    return null;
  }

  private static WrittenTime yearFirst(Matcher m) {
    LocalDate date =
        LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
    LocalTime time = time(m, 4);
    String zone = m.group(8);
    if (zone == null) {
      return WrittenTime.known(date, time);
    }
    ZoneOffset offset =
        zone.equals("z") || zone.equals("utc") || zone.equals("gmt")
            ? ZoneOffset.UTC
            : ZoneOffset.of(
                zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
    return WrittenTime.absolute(LocalDateTime.of(date, time).toInstant(offset));
  }

  private static WrittenTime named(String month, String day, String year, LocalTime time) {
    Integer number = MONTHS.get(month);
    if (number == null && month.length() >= 3) {
      number = MONTHS.get(month.substring(0, 3));
    }
    if (number == null) {
      return null;
    }
    return WrittenTime.known(
        LocalDate.of(Integer.parseInt(year), number, Integer.parseInt(day)), time);
  }

  /** The time in groups {@code from..from+3} (hour, minute, second, am/pm); midnight if absent. */
  private static LocalTime time(Matcher m, int from) {
    if (m.group(from) == null) {
      return LocalTime.MIDNIGHT;
    }
    int hour = Integer.parseInt(m.group(from));
    int minute = Integer.parseInt(m.group(from + 1));
    int second = m.group(from + 2) == null ? 0 : Integer.parseInt(m.group(from + 2));
    String half = m.group(from + 3);
    if (half != null) {
      if (hour < 1 || hour > 12) {
        throw new DateTimeException("12-hour clock out of range");
      }
      hour = hour % 12 + (half.startsWith("p") ? 12 : 0);
    }
    return LocalTime.of(hour, minute, second);
  }
}
