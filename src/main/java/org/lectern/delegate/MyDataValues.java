package org.lectern.delegate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.lectern.reference.Regions;
import org.lectern.shared.web.Ui;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * A value of the delegate's data page as a reader of their language reads it: statuses, mails'
 * kinds, professions, genders, languages, regions and countries by name, times in their zone with
 * the zone named — not the stored codes ({@code CONFIRMED}, {@code KZ-75}, {@code 2026-…Z}). The
 * JSON download keeps the codes.
 */
@Component
record MyDataValues(Regions regions) {

  private static final ZoneId UTC = ZoneId.of("UTC");

  String show(String section, String field, Object value, Ui ui) {
    if (value instanceof Boolean b) {
      return ui.t(b ? "privacy.value.yes" : "privacy.value.no");
    }
    String raw = String.valueOf(value);
    return switch (field) {
      case "status" ->
          named(
              ui,
              switch (section) {
                case "mails" -> "notification.outbox.status.";
                case "certificates" -> "certificate.status.";
                default -> "registration.status.";
              },
              raw);
      case "kind" -> section.equals("mails") ? named(ui, "notification.kind.", raw) : raw;
      case "profession" -> named(ui, "registration.profession.", raw);
      case "gender" -> named(ui, "registration.gender.", raw);
      case "language" -> named(ui, "language.", raw);
      case "region" ->
          regions
              .find(raw)
              .map(r -> r.name(ui.lang()))
              .orElseGet(() -> named(ui, "registration.region.", raw));
      case "country" -> country(raw, ui);
      default -> field.endsWith("At") ? time(raw, ui) : raw;
    };
  }

  private static String named(Ui ui, String prefix, String code) {
    try {
      return ui.t(prefix + code);
    } catch (NoSuchMessageException e) {
      return code;
    }
  }

  private static String country(String code, Ui ui) {
    try {
      String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(ui.locale());
      return name.isBlank() ? code : name;
    } catch (java.util.IllformedLocaleException e) {
      return code;
    }
  }

  private static String time(String raw, Ui ui) {
    Instant at;
    try {
      at = OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeException e) {
      try {
        at = Instant.parse(raw);
      } catch (DateTimeException again) {
        return raw;
      }
    }
    ZoneId zone = ui.zoneOr(UTC);
    return ui.time().dateTime(at, zone) + " (" + ui.zoneLabel(zone, at) + ")";
  }
}
