package org.lectern.certificate;

/**
 * Where a certificate is in its life: valid, revoked by the organiser, or replaced by a new one.
 */
public enum CertificateStatus {
  VALID,
  REVOKED,
  SUPERSEDED
}
