package org.lectern.certificate;

/** Pages of public verification, typed for their jte templates. */
public final class VerificationPages {

  private VerificationPages() {}

  /** {@code /verify/{code}}: one certificate's public facts, with dates already formatted. */
  public record Verified(PublicCertificate certificate, String issued, String statusChanged) {}

  /** {@code /verify}: the code and upload forms, and the verdict of an upload if there was one. */
  public record Check(String code, boolean codeInvalid, UploadVerdict verdict, Verified details) {}
}
