package org.lectern.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.lectern.certificate.document.CpdHours;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;

/**
 * One issued certificate, as stored: what was printed (holder, title, issuer, hours) and where it
 * is in its life. The signed PDF itself is loaded separately, only when someone downloads it.
 */
public record Certificate(
    UUID id,
    String code,
    UUID registrationId,
    UUID programmeId,
    UUID organisationId,
    CertificateStatus status,
    Instant issuedAt,
    Instant revokedAt,
    String revocationReason,
    UUID supersededBy,
    Instant supersededAt,
    CpdHours hours,
    String language,
    String holderName,
    String licenceNumber,
    String programmeTitle,
    String issuer,
    boolean topicNeutral,
    int templateVersion,
    boolean overridden) {

  public static final int REASON_MAX = 1_000;

  /** Revoked for good, with a reason the organiser sees; the public sees only the date. */
  public Certificate revoke(String reason, Clock clock) {
    requireValid();
    if (reason == null || reason.isBlank()) {
      throw InvalidInputException.of("reason", "validation.required");
    }
    if (reason.length() > REASON_MAX) {
      throw InvalidInputException.of("reason", "validation.tooLong", REASON_MAX);
    }
    return with(CertificateStatus.REVOKED, clock.instant(), reason.strip(), null, null);
  }

  /** Replaced by a corrected certificate; the old code keeps verifying as "superseded". */
  public Certificate supersede(UUID replacement, Clock clock) {
    requireValid();
    return with(CertificateStatus.SUPERSEDED, null, null, replacement, clock.instant());
  }

  public boolean isValid() {
    return status == CertificateStatus.VALID;
  }

  private void requireValid() {
    if (status != CertificateStatus.VALID) {
      throw new ConflictException("certificate.notValid");
    }
  }

  private Certificate with(
      CertificateStatus s, Instant revoked, String reason, UUID by, Instant supersededOn) {
    return new Certificate(
        id,
        code,
        registrationId,
        programmeId,
        organisationId,
        s,
        issuedAt,
        revoked,
        reason,
        by,
        supersededOn,
        hours,
        language,
        holderName,
        licenceNumber,
        programmeTitle,
        issuer,
        topicNeutral,
        templateVersion,
        overridden);
  }
}
