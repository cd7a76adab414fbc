package org.lectern.certificate;

import java.time.Instant;

/**
 * What anyone holding a code may learn about a certificate, and nothing more: holder, programme (as
 * printed), hours, issue date, issuer and status with its date. No reason, no e-mail.
 */
public record PublicCertificate(
    String code,
    String holderName,
    String programmeTitle,
    String hours,
    Instant issuedAt,
    String issuer,
    CertificateStatus status,
    Instant statusChangedAt,
    String language,
    String holderRemoved) {

  /** Whether the holder's name was removed; {@link #holderRemoved} then says why. */
  public boolean holderNameRemoved() {
    return holderRemoved != null;
  }

  static PublicCertificate of(
      Certificate c, String readableCode, java.util.Locale locale, String holderRemoved) {
    Instant changed =
        switch (c.status()) {
          case VALID -> null;
          case REVOKED -> c.revokedAt();
          case SUPERSEDED -> c.supersededAt();
        };
    return new PublicCertificate(
        readableCode,
        c.holderName(),
        c.programmeTitle(),
        c.hours().format(locale),
        c.issuedAt(),
        c.issuer(),
        c.status(),
        changed,
        c.language(),
        holderRemoved);
  }
}
