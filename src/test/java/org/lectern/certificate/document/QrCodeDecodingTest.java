package org.lectern.certificate.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QrCodeDecodingTest {

  @ParameterizedTest
  @EnumSource(CertificateLanguage.class)
  void qrCodeOnThePageDecodesToTheVerificationUrl(CertificateLanguage language) throws Exception {
    byte[] pdf =
        new CertificateRenderer()
            .render(
                SampleCertificates.kazakh(),
                language,
                DefaultCertificateLabels.forLanguage(language));

    assertThat(decode(page(pdf, 200))).isEqualTo(SampleCertificates.VERIFY_URL.toString());
    assertThat(SampleCertificates.VERIFY_URL.toString())
        .isEqualTo("https://lectern.example.kz/verify/7K3M-9QXZ-4TRB-2HCW-8NPX");
  }

  @ParameterizedTest
  @EnumSource(CertificateLanguage.class)
  void qrCodeSurvivesSigning(CertificateLanguage language) throws Exception {
    byte[] pdf =
        new CertificateRenderer()
            .render(
                SampleCertificates.russian(),
                language,
                DefaultCertificateLabels.forLanguage(language));
    byte[] signed = new CertificateSigner().sign(pdf, TestKeys.ORGANISATION);

    assertThat(decode(page(signed, 150))).isEqualTo(SampleCertificates.VERIFY_URL.toString());
  }

  private static BufferedImage page(byte[] pdf, int dpi) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
    }
  }

  private static String decode(BufferedImage image) throws Exception {
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    Result result =
        new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    return result.getText();
  }
}
