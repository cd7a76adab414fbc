package org.lectern.certificate.document;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.Collection;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.lectern.certificate.document.VerificationResult.Outcome;

/** One signature of one file, checked in order: coverage, digest and signature, then trust. */
final class SignatureCheck {

  private final byte[] pdf;
  private final PDSignature signature;
  private final Collection<X509Certificate> trusted;

  SignatureCheck(byte[] pdf, PDSignature signature, Collection<X509Certificate> trusted) {
    this.pdf = pdf;
    this.signature = signature;
    this.trusted = trusted;
  }

  VerificationResult run(PDDocument document) throws IOException {
    Optional<String> coverageProblem = coverageProblem();
    if (coverageProblem.isPresent()) {
      return VerificationResult.of(Outcome.ALTERED, coverageProblem.get());
    }
    X509Certificate signer;
    try {
      signer = verifiedSigner();
    } catch (CMSException | GeneralSecurityException | OperatorCreationException e) {
      return VerificationResult.of(Outcome.ALTERED, "The signature does not match the content");
    }
    if (signer == null) {
      return VerificationResult.of(Outcome.ALTERED, "The signature does not match the content");
    }
    Optional<String> trustProblem = trustProblem(signer);
    if (trustProblem.isPresent()) {
      return VerificationResult.untrusted(signer, trustProblem.get());
    }
    return new VerificationResult(
        Outcome.VALID,
        CertificateMetadata.code(document),
        CertificateMetadata.holder(document),
        Optional.of(signer),
        "Signed by " + signer.getSubjectX500Principal().getName());
  }

  private Optional<String> coverageProblem() {
    int[] range = signature.getByteRange();
    if (range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1]) {
      return Optional.of("The signature's byte range is malformed");
    }
    if ((long) range[2] + range[3] != pdf.length) {
      return Optional.of("The file was changed after it was signed");
    }
    if (pdf[range[1]] != '<' || pdf[range[2] - 1] != '>') {
      return Optional.of("The signature's byte range does not frame the signature");
    }
    for (int i = range[1] + 1; i < range[2] - 1; i++) {
      if (Character.digit(pdf[i], 16) < 0) {
        return Optional.of("Unsigned bytes in the file hold more than the signature");
      }
    }
    return Optional.empty();
  }

  /** The signer's certificate if the CMS signature is intact over the signed bytes, else null. */
  private X509Certificate verifiedSigner()
      throws IOException, CMSException, GeneralSecurityException, OperatorCreationException {
    Optional<byte[]> contents = DerSignature.withoutPadding(signature.getContents(pdf));
    if (contents.isEmpty()) {
      return null;
    }
    CMSSignedData cms =
        new CMSSignedData(
            new CMSProcessableByteArray(signature.getSignedContent(pdf)), contents.get());
    if (cms.getSignerInfos().size() != 1) {
      return null;
    }
    SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
    var matches = cms.getCertificates().getMatches(info.getSID());
    if (matches.isEmpty()) {
      return null;
    }
    X509CertificateHolder holder = (X509CertificateHolder) matches.iterator().next();
    var verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider(CadesSignature.PROVIDER);
    if (!info.verify(verifier.build(holder))) {
      return null;
    }
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  private Optional<String> trustProblem(X509Certificate signer) {
    boolean issuedByTrusted = trusted.stream().anyMatch(anchor -> isIssuedBy(signer, anchor));
    if (!issuedByTrusted) {
      return Optional.of(
          "Signed by "
              + signer.getSubjectX500Principal().getName()
              + ", not a trusted organisation");
    }
    Calendar signedAt = signature.getSignDate();
    try {
      signer.checkValidity(signedAt == null ? new java.util.Date() : signedAt.getTime());
    } catch (GeneralSecurityException e) {
      return Optional.of("The signing certificate was not valid when the file was signed");
    }
    return Optional.empty();
  }

  private static boolean isIssuedBy(X509Certificate signer, X509Certificate anchor) {
    if (signer.equals(anchor)) {
      return true;
    }
    if (!signer.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
      return false;
    }
    try {
      signer.verify(anchor.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
