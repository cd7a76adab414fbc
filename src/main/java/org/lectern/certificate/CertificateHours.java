package org.lectern.certificate;

import java.math.BigDecimal;
import java.time.Duration;
import org.lectern.certificate.document.CpdHours;

/**
 * The hours a certificate states: the effective time the person attended, never more than the
 * programme's CPD hours when it has them, rounded down to the half hour. An override for someone
 * without any recorded attendance states the programme's CPD hours (else its scheduled time): the
 * organiser vouches for the whole programme.
 */
final class CertificateHours {

  private CertificateHours() {}

  static CpdHours of(Completion completion, ProgrammeRecord programme) {
    Duration attended = completion == null ? Duration.ZERO : completion.attended();
    Duration cap = cap(programme);
    if (attended.isZero()) {
      return CpdHours.roundDownToHalfHour(cap == null ? programme.scheduled() : cap);
    }
    return CpdHours.roundDownToHalfHour(
        cap == null || attended.compareTo(cap) < 0 ? attended : cap);
  }

  private static Duration cap(ProgrammeRecord programme) {
    BigDecimal hours = programme.programme().cpdHours();
    if (hours == null || hours.signum() <= 0) {
      return null;
    }
    return Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).longValue());
  }
}
