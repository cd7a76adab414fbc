package org.lectern.certificate.document;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * CPD hours in whole half hours, always rounded down, so a certificate never overstates attendance.
 */
public record CpdHours(long halfHours) {

  public CpdHours {
    if (halfHours < 0) {
      throw new IllegalArgumentException("CPD hours cannot be negative: " + halfHours);
    }
  }

  /** Rounds attended time down to the nearest half hour (29 min 59 s counts as nothing). */
  public static CpdHours roundDownToHalfHour(Duration attended) {
    Objects.requireNonNull(attended, "attended");
    if (attended.isNegative()) {
      throw new IllegalArgumentException("Attended time cannot be negative: " + attended);
    }
    return new CpdHours(attended.toMinutes() / 30);
  }

  public BigDecimal hours() {
    return BigDecimal.valueOf(halfHours).multiply(new BigDecimal("0.5"));
  }

  public Duration toDuration() {
    return Duration.ofMinutes(halfHours * 30);
  }

  /** "12.5" in English, "12,5" in Russian and Kazakh; "12" rather than "12.0". */
  public String format(Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(0);
    format.setMaximumFractionDigits(1);
    format.setGroupingUsed(false);
    return format.format(hours());
  }
}
