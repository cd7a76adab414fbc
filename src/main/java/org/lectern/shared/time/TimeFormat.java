package org.lectern.shared.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Formats instants for people: in a given zone, in the interface language, always able to name the
 * zone. Times are stored as instants; only display decides the zone.
 */
public record TimeFormat(Locale locale) {

  public String date(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale)
        .format(instant.atZone(zone));
  }

  public String weekdayDate(Instant instant, ZoneId zone) {
    ZonedDateTime t = instant.atZone(zone);
    return t.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + ", " + date(instant, zone);
  }

  public String time(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ofPattern("HH:mm", locale).format(instant.atZone(zone));
  }

  public String dateTime(Instant instant, ZoneId zone) {
    return date(instant, zone) + ", " + time(instant, zone);
  }

  /** "Tuesday, 9 February 2021, 10:00–12:00" (end date added when it differs). */
  public String range(Instant start, Instant end, ZoneId zone) {
    String first = weekdayDate(start, zone) + ", " + time(start, zone);
    boolean sameDay = start.atZone(zone).toLocalDate().equals(end.atZone(zone).toLocalDate());
    return first + "–" + (sameDay ? time(end, zone) : dateTime(end, zone));
  }

  /** "Asia/Almaty, UTC+05:00" at the given instant. */
  public static String zoneLabel(ZoneId zone, Instant at) {
    String offset = zone.getRules().getOffset(at).getId();
    return zone.getId() + ", UTC" + ("Z".equals(offset) ? "+00:00" : offset);
  }

  public static String iso(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime().toString();
  }
}
