package org.lectern.certificate.document;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF/A reference validator, run in-process on a PDF in memory. */
final class PdfAValidation {

  record Report(PDFAFlavour flavour, boolean compliant, List<String> failures) {}

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfAValidation() {}

  static Report validate(byte[] pdf) throws Exception {
    try (VeraPDFFoundry foundry = Foundries.defaultInstance();
        PDFAParser parser = foundry.createParser(new ByteArrayInputStream(pdf));
        PDFAValidator validator = foundry.createValidator(parser.getFlavour(), false)) {
      ValidationResult result = validator.validate(parser);
      List<String> failures =
          result.getTestAssertions().stream()
              .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
              .map(
                  a ->
                      a.getRuleId().getClause()
                          + "-"
                          + a.getRuleId().getTestNumber()
                          + ": "
                          + a.getMessage()
                          + " @ "
                          + a.getLocationContext())
              .distinct()
              .toList();
      failures.forEach(failure -> System.out.println("veraPDF failure: " + failure));
      return new Report(parser.getFlavour(), result.isCompliant(), failures);
    }
  }
}
