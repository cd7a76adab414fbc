package org.lectern.certificate;

import java.util.List;
import java.util.UUID;
import org.lectern.certificate.document.CpdHours;

/**
 * One confirmed delegate of a programme: did they earn a certificate and why, the organiser's
 * override if any, the hours a certificate would state, and their valid certificate if issued.
 */
public record EligibilityRow(
    UUID registrationId,
    String holderName,
    boolean completed,
    String reasonCode,
    List<Object> reasonArgs,
    String overrideReason,
    CpdHours hours,
    Certificate certificate) {

  public boolean eligible() {
    return completed || overrideReason != null;
  }

  public boolean issued() {
    return certificate != null;
  }
}
