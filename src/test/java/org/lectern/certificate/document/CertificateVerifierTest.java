package org.lectern.certificate.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lectern.certificate.document.VerificationResult.Outcome;

class CertificateVerifierTest {

  private static final List<X509Certificate> TRUSTED = List.of(TestKeys.ORGANISATION.certificate());
  private static final CertificateVerifier VERIFIER = new CertificateVerifier();

  private static byte[] unsigned;
  private static byte[] signed;

  @BeforeAll
  static void issue() {
    unsigned =
        new CertificateRenderer()
            .render(
                SampleCertificates.kazakh(),
                CertificateLanguage.KK,
                DefaultCertificateLabels.forLanguage(CertificateLanguage.KK));
    signed = new CertificateSigner().sign(unsigned, TestKeys.ORGANISATION);
  }

  @Test
  void signedCertificateIsValidAndNamesItsCodeAndHolder() {
    VerificationResult result = VERIFIER.verify(signed, TRUSTED);

    assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.VALID);
    assertThat(result.certificateCode()).contains(SampleCertificates.CODE.value());
    assertThat(result.holderName()).contains(SampleCertificates.KAZAKH_NAME);
    assertThat(result.signer()).contains(TestKeys.ORGANISATION.certificate());
  }

  @Test
  void signingAppendsAndLeavesTheOriginalBytesUntouched() {
    assertThat(signed.length).isGreaterThan(unsigned.length);
    assertThat(Arrays.copyOf(signed, unsigned.length)).isEqualTo(unsigned);
  }

  @Test
  void signatureIsPadesWithSigningCertificateV2() throws Exception {
    try (PDDocument document = Loader.loadPDF(signed)) {
      PDSignature signature = document.getLastSignatureDictionary();
      assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
      var cms =
          new org.bouncycastle.cms.CMSSignedData(
              new org.bouncycastle.cms.CMSProcessableByteArray(signature.getSignedContent(signed)),
              DerSignature.withoutPadding(signature.getContents(signed)).orElseThrow());
      var signer = cms.getSignerInfos().getSigners().iterator().next();
      assertThat(
              signer
                  .getSignedAttributes()
                  .get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2))
          .isNotNull();
      assertThat(
              signer.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime))
          .isNull();
    }
  }

  @ParameterizedTest(name = "byte at {0}% of the signed content")
  @ValueSource(ints = {1, 10, 25, 50, 75, 90, 99})
  void changingOneSignedByteIsAltered(int percent) throws Exception {
    int[] range = byteRange(signed);
    int offset = positionInSignedContent(range, percent);
    byte[] tampered = signed.clone();
    tampered[offset] = (byte) (tampered[offset] ^ 0x01);

    assertThat(VERIFIER.verify(tampered, TRUSTED).outcome()).isEqualTo(Outcome.ALTERED);
  }

  @Test
  void changingTheCodeInTheFileIsAltered() {
    String file = new String(signed, StandardCharsets.ISO_8859_1);
    String element = "<lectern:certificateCode>"; // the XMP stream is stored uncompressed
    int at = file.indexOf(element);
    assertThat(at).isPositive();
    byte[] tampered = signed.clone();
    tampered[at + element.length() + 1] = 'Q'; // 7K3M -> 7Q3M

    assertThat(VERIFIER.verify(tampered, TRUSTED).outcome()).isEqualTo(Outcome.ALTERED);
  }

  @Test
  void bytesHiddenInTheSignaturePaddingAreAltered() throws Exception {
    int[] range = byteRange(signed);
    byte[] tampered = signed.clone();
    tampered[range[2] - 3] = 'f'; // the padding zeroes just before the closing '>'

    assertThat(VERIFIER.verify(tampered, TRUSTED).outcome()).isEqualTo(Outcome.ALTERED);
  }

  @Test
  void appendingBytesIsAltered() {
    byte[] appended = Arrays.copyOf(signed, signed.length + 7);
    System.arraycopy("\n%hello".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 7);

    VerificationResult result = VERIFIER.verify(appended, TRUSTED);

    assertThat(result.outcome()).isEqualTo(Outcome.ALTERED);
    assertThat(result.certificateCode()).isEmpty();
  }

  @Test
  void anIncrementalUpdateAfterSigningIsAltered() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = Loader.loadPDF(signed)) {
      document
          .getDocumentInformation()
          .setCustomMetadataValue(CertificateMetadata.HOLDER_KEY, "Someone Else");
      document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
      document.addPage(new PDPage());
      document.getPages().getCOSObject().setNeedToBeUpdated(true);
      document.saveIncremental(out);
    }

    assertThat(VERIFIER.verify(out.toByteArray(), TRUSTED).outcome()).isEqualTo(Outcome.ALTERED);
  }

  @Test
  void resavingTheWholeFileWithChangesIsAltered() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = Loader.loadPDF(signed)) {
      document
          .getDocumentInformation()
          .setCustomMetadataValue(CertificateMetadata.HOLDER_KEY, "Someone Else");
      document.save(out);
    }

    assertThat(VERIFIER.verify(out.toByteArray(), TRUSTED).outcome()).isEqualTo(Outcome.ALTERED);
  }

  @Test
  void aDifferentKeyWithTheSameNameIsUntrusted() {
    byte[] forged = new CertificateSigner().sign(unsigned, TestKeys.STRANGER);

    VerificationResult result = VERIFIER.verify(forged, TRUSTED);

    assertThat(result.outcome()).isEqualTo(Outcome.UNTRUSTED_SIGNER);
    assertThat(result.certificateCode()).isEmpty();
    assertThat(VERIFIER.verify(forged, List.of(TestKeys.STRANGER.certificate())).outcome())
        .isEqualTo(Outcome.VALID);
  }

  @Test
  void nothingTrustedMeansUntrusted() {
    assertThat(VERIFIER.verify(signed, List.of()).outcome()).isEqualTo(Outcome.UNTRUSTED_SIGNER);
  }

  @Test
  void unsignedPdfIsNotSigned() {
    assertThat(VERIFIER.verify(unsigned, TRUSTED).outcome()).isEqualTo(Outcome.NOT_SIGNED);
  }

  @Test
  void pngAndEmptyFilesAreNotPdfs() {
    assertThat(VERIFIER.verify(SampleCertificates.logoPng(), TRUSTED).outcome())
        .isEqualTo(Outcome.NOT_A_PDF);
    assertThat(VERIFIER.verify(new byte[0], TRUSTED).outcome()).isEqualTo(Outcome.NOT_A_PDF);
    assertThat(VERIFIER.verify(null, TRUSTED).outcome()).isEqualTo(Outcome.NOT_A_PDF);
  }

  @Test
  void truncatedPdfIsNeverValid() {
    byte[] truncated = Arrays.copyOf(signed, signed.length / 2);

    assertThat(VERIFIER.verify(truncated, TRUSTED).outcome()).isEqualTo(Outcome.ALTERED);
  }

  @Test
  void keysRestoredFromPemSignToo() throws Exception {
    OrganisationSigningKey stored =
        OrganisationSigningKey.fromPem(
            TestKeys.ORGANISATION.privateKeyPem(), TestKeys.ORGANISATION.certificatePem());

    byte[] again = new CertificateSigner().sign(unsigned, stored);

    assertThat(
            VERIFIER
                .verify(
                    again,
                    List.of(
                        OrganisationSigningKey.certificateFromPem(
                            TestKeys.ORGANISATION.certificatePem())))
                .outcome())
        .isEqualTo(Outcome.VALID);
  }

  private static int[] byteRange(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getLastSignatureDictionary().getByteRange();
    }
  }

  private static int positionInSignedContent(int[] range, int percent) {
    long signedLength = (long) range[1] + range[3];
    long index = signedLength * percent / 100;
    return (int) (index < range[1] ? index : range[2] + (index - range[1]));
  }
}
