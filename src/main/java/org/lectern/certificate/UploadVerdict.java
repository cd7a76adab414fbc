package org.lectern.certificate;

/**
 * The answer to an uploaded file: its outcome (a message key suffix) and, when the file is a
 * genuine Lectern certificate, what the verification page would show for its code.
 */
public record UploadVerdict(Outcome outcome, PublicCertificate certificate) {

  public enum Outcome {
    /** Signed by a known organisation, unchanged, and the code is valid. */
    VALID,
    REVOKED,
    SUPERSEDED,
    /** Unchanged and signed by a known organisation, but no such code was issued. */
    UNKNOWN_CODE,
    /** The signature does not cover the file as it is: changed after signing, or damaged. */
    ALTERED,
    /** Signed, but not by any organisation of this installation. */
    UNKNOWN_SIGNER,
    /** Not a PDF, or a PDF without any signature. */
    NOT_A_CERTIFICATE;

    public String key() {
      return "certificate.verdict." + name();
    }
  }
}
