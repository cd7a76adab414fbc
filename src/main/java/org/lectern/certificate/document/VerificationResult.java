package org.lectern.certificate.document;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * What an offline check of a certificate file found. Only {@link Outcome#VALID} carries the code
 * and holder, read from the signed bytes; revocation is for the app to check by code.
 */
public record VerificationResult(
    Outcome outcome,
    Optional<String> certificateCode,
    Optional<String> holderName,
    Optional<X509Certificate> signer,
    String detail) {

  /** The verdicts the /verify upload form shows. */
  public enum Outcome {
    VALID,
    ALTERED,
    UNTRUSTED_SIGNER,
    NOT_SIGNED,
    NOT_A_PDF
  }

  public VerificationResult {
    Objects.requireNonNull(outcome, "outcome");
    certificateCode = Objects.requireNonNullElse(certificateCode, Optional.empty());
    holderName = Objects.requireNonNullElse(holderName, Optional.empty());
    signer = Objects.requireNonNullElse(signer, Optional.empty());
    detail = Objects.requireNonNullElse(detail, "");
  }

  static VerificationResult of(Outcome outcome, String detail) {
    return new VerificationResult(
        outcome, Optional.empty(), Optional.empty(), Optional.empty(), detail);
  }

  static VerificationResult untrusted(X509Certificate signer, String detail) {
    return new VerificationResult(
        Outcome.UNTRUSTED_SIGNER, Optional.empty(), Optional.empty(), Optional.of(signer), detail);
  }

  public boolean isValid() {
    return outcome == Outcome.VALID;
  }
}
