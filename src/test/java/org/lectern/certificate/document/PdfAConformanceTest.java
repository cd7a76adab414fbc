package org.lectern.certificate.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

class PdfAConformanceTest {

  private static final CertificateRenderer RENDERER = new CertificateRenderer();

  static Stream<Arguments> certificates() {
    return Stream.of(
        Arguments.of("en", SampleCertificates.english(), CertificateLanguage.EN),
        Arguments.of("ru", SampleCertificates.russian(), CertificateLanguage.RU),
        Arguments.of("kk", SampleCertificates.kazakh(), CertificateLanguage.KK),
        Arguments.of(
            "kk topic-neutral",
            SampleCertificates.topicNeutral(SampleCertificates.kazakh()),
            CertificateLanguage.KK),
        Arguments.of("en with logo", SampleCertificates.withLogo(), CertificateLanguage.EN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("certificates")
  void defaultTemplateIsPdfA3b(
      String name, CertificateContent content, CertificateLanguage language) throws Exception {
    byte[] pdf = RENDERER.render(content, language, DefaultCertificateLabels.forLanguage(language));

    assertPdfA3b(pdf);
  }

  @Test
  void customTemplateIsPdfA3b() throws Exception {
    CertificateTemplate template = CertificateTemplate.parse(SampleTemplates.MINIMAL);

    byte[] pdf =
        RENDERER.render(
            SampleCertificates.russian(),
            CertificateLanguage.RU,
            DefaultCertificateLabels.forLanguage(CertificateLanguage.RU),
            template);

    assertPdfA3b(pdf);
  }

  @Test
  void signedCertificateStaysPdfA3b() throws Exception {
    OrganisationSigningKey key =
        SigningKeys.generateSelfSigned("Қазақстан заңгерлер одағы", Duration.ofDays(3650));
    byte[] pdf =
        RENDERER.render(
            SampleCertificates.kazakh(),
            CertificateLanguage.KK,
            DefaultCertificateLabels.forLanguage(CertificateLanguage.KK));

    byte[] signed = new CertificateSigner().sign(pdf, key);

    assertPdfA3b(signed);
  }

  @Test
  void theValidatorDoesRejectACertificateWithoutItsColourProfile() throws Exception {
    byte[] pdf =
        RENDERER.render(
            SampleCertificates.english(),
            CertificateLanguage.EN,
            DefaultCertificateLabels.forLanguage(CertificateLanguage.EN));
    ByteArrayOutputStream broken = new ByteArrayOutputStream();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      document.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
      document.save(broken);
    }

    PdfAValidation.Report report = PdfAValidation.validate(broken.toByteArray());

    assertThat(report.compliant()).isFalse();
    assertThat(report.failures()).isNotEmpty();
  }

  private static void assertPdfA3b(byte[] pdf) throws Exception {
    PdfAValidation.Report report = PdfAValidation.validate(pdf);
    assertThat(report.flavour()).isEqualTo(PDFAFlavour.PDFA_3_B);
    assertThat(report.failures()).isEmpty();
    assertThat(report.compliant()).isTrue();
  }
}
