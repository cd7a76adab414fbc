package org.lectern.shared.time;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** IANA time zones: validation and the short list offered to people choosing one. */
public final class Zones {

  /** Zones people of a Kazakh programme are most likely in; any valid IANA id is accepted. */
  public static final List<String> COMMON =
      List.of(
          "Asia/Almaty",
          "Asia/Qostanay",
          "Asia/Aqtobe",
          "Asia/Aqtau",
          "Asia/Atyrau",
          "Asia/Oral",
          "Asia/Qyzylorda",
          "Asia/Bishkek",
          "Asia/Tashkent",
          "Europe/Moscow",
          "Europe/Istanbul",
          "Europe/Berlin",
          "Europe/London",
          "America/New_York",
          "UTC");

  private Zones() {}

  public static Optional<ZoneId> parse(String id) {
    if (id == null || id.isBlank() || id.length() > 64 || !isValid(id)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(id.strip()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** True for IANA region ids such as {@code Asia/Almaty} or {@code UTC}; offsets are refused. */
  public static boolean isValid(String id) {
    return id != null && ZoneId.getAvailableZoneIds().contains(id.strip());
  }
}
