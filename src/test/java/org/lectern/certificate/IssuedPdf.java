package org.lectern.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Reads an issued certificate the way its recipients would: text, QR code, PDF/A conformance. */
final class IssuedPdf {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private IssuedPdf() {}

  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  static String qrCode(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // The page's other drawings can hide the code from one binarizer at one resolution (a full
      // run met that once): try two resolutions and both of ZXing's binarizers, QR codes only.
      NotFoundException last = NotFoundException.getNotFoundInstance();
      for (int dpi : new int[] {200, 300}) {
        var image = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        var source = new BufferedImageLuminanceSource(image);
        for (Binarizer binarizer :
            List.of(new HybridBinarizer(source), new GlobalHistogramBinarizer(source))) {
          try {
            return new MultiFormatReader()
                .decode(
                    new BinaryBitmap(binarizer),
                    Map.of(
                        DecodeHintType.TRY_HARDER,
                        Boolean.TRUE,
                        DecodeHintType.POSSIBLE_FORMATS,
                        List.of(BarcodeFormat.QR_CODE)))
                .getText();
          } catch (NotFoundException e) {
            last = e;
          }
        }
      }
      throw last;
    }
  }

  /** veraPDF's failures, empty when the file is valid PDF/A for the flavour it declares. */
  static List<String> pdfaFailures(byte[] pdf) throws Exception {
    try (VeraPDFFoundry foundry = Foundries.defaultInstance();
        PDFAParser parser = foundry.createParser(new ByteArrayInputStream(pdf));
        PDFAValidator validator = foundry.createValidator(parser.getFlavour(), false)) {
      ValidationResult result = validator.validate(parser);
      List<String> failures =
          result.getTestAssertions().stream()
              .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
              .map(a -> a.getRuleId().getClause() + ": " + a.getMessage())
              .distinct()
              .toList();
      return result.isCompliant()
          ? List.of()
          : failures.isEmpty() ? List.of("not compliant") : failures;
    }
  }

  static String flavour(byte[] pdf) throws Exception {
    try (VeraPDFFoundry foundry = Foundries.defaultInstance();
        PDFAParser parser = foundry.createParser(new ByteArrayInputStream(pdf))) {
      return parser.getFlavour().getId();
    }
  }
}
