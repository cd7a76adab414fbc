package org.lectern.learning;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.lectern.shared.error.InvalidInputException;

/**
 * The organiser's recording form: the provider's https address, the availability window (local
 * times in the programme's zone) and who may open it. Checked as a whole.
 */
record RecordingForm(String url, Instant from, Instant until, RecordingAccess access) {

  static final int MAX_URL = 2000;

  static RecordingForm parse(Map<String, String> form, ZoneId zone) {
    var errors = new InvalidInputException.Collector();
    String url = form.getOrDefault("url", "").strip();
    errors.check(url.length() <= MAX_URL && isHttps(url), "url", "learning.recording.url");
    Instant from = time(form.get("from"), zone);
    Instant until = time(form.get("until"), zone);
    errors.check(from != null, "from", "learning.recording.time");
    errors.check(until != null, "until", "learning.recording.time");
    if (from != null && until != null) {
      errors.check(until.isAfter(from), "until", "learning.recording.order");
    }
    RecordingAccess access = null;
    try {
      access = RecordingAccess.valueOf(form.getOrDefault("access", ""));
    } catch (IllegalArgumentException e) {
      errors.add("access", "learning.recording.access.invalid");
    }
    errors.throwIfAny();
    return new RecordingForm(url, from, until, access);
  }

  private static boolean isHttps(String url) {
    if (url.isEmpty() || url.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
      return false;
    }
    try {
      URI u = new URI(url);
      return "https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static Instant time(String value, ZoneId zone) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
