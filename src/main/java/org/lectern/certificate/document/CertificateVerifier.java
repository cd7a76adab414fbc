package org.lectern.certificate.document;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.lectern.certificate.document.VerificationResult.Outcome;

/**
 * Checks a certificate file offline: is it a PDF, is it signed, does the signature cover every byte
 * unchanged, and was it signed by one of the organisations we trust. Never throws for bad input: an
 * upload form gets a verdict for anything.
 */
public final class CertificateVerifier {

  private static final byte[] PDF_HEADER = {'%', 'P', 'D', 'F', '-'};

  public VerificationResult verify(byte[] pdf, Collection<X509Certificate> trusted) {
    if (pdf == null || !startsWithPdfHeader(pdf)) {
      return VerificationResult.of(Outcome.NOT_A_PDF, "The file is not a PDF document");
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      if (signatures.isEmpty()) {
        return VerificationResult.of(Outcome.NOT_SIGNED, "The PDF carries no signature");
      }
      // The organisation signs first; anything after its signature is a later change.
      PDSignature first = signatures.stream().min(Comparator.comparingLong(this::end)).get();
      return new SignatureCheck(pdf, first, List.copyOf(trusted)).run(document);
    } catch (IOException | RuntimeException e) {
      return VerificationResult.of(
          Outcome.ALTERED, "The PDF is damaged and cannot be read: " + e.getMessage());
    }
  }

  private long end(PDSignature signature) {
    int[] range = signature.getByteRange();
    return range.length == 4 ? (long) range[2] + range[3] : Long.MAX_VALUE;
  }

  private static boolean startsWithPdfHeader(byte[] bytes) {
    // PDF readers accept the header within the first 1024 bytes; so do we.
    int limit = Math.min(bytes.length - PDF_HEADER.length, 1024);
    for (int start = 0; start <= limit; start++) {
      if (matchesAt(bytes, start)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(byte[] bytes, int start) {
    for (int i = 0; i < PDF_HEADER.length; i++) {
      if (bytes[start + i] != PDF_HEADER[i]) {
        return false;
      }
    }
    return true;
  }
}
