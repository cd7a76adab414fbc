package org.lectern.certificate.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Seals a rendered certificate with the organisation's key (PAdES, ETSI.CAdES.detached) in an
 * incremental update, so the PDF/A content stays byte-identical and anyone can check it offline.
 */
public final class CertificateSigner {

  static final COSName SUB_FILTER = COSName.getPDFName("ETSI.CAdES.detached");
  private static final int SIGNATURE_BYTES = 8192;

  private final Clock clock;

  public CertificateSigner() {
    this(Clock.systemUTC());
  }

  public CertificateSigner(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public byte[] sign(byte[] pdf, OrganisationSigningKey key) {
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      options.setPreferredSignatureSize(SIGNATURE_BYTES);
      document.addSignature(signatureDictionary(key), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4 * SIGNATURE_BYTES);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      external.setSignature(CadesSignature.sign(external.getContent().readAllBytes(), key));
      return out.toByteArray();
    } catch (IOException e) {
      throw new CertificateRenderingException("Cannot sign certificate", e);
    }
  }

  private PDSignature signatureDictionary(OrganisationSigningKey key) {
    PDSignature signature = new PDSignature();
    signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
    signature.setSubFilter(SUB_FILTER);
    signature.setName(commonName(key));
    signature.setReason("Certificate of professional development");
    Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    now.setTimeInMillis(clock.millis());
    signature.setSignDate(now);
    return signature;
  }

  private static String commonName(OrganisationSigningKey key) {
    String subject = key.certificate().getSubjectX500Principal().getName();
    try {
      for (Rdn rdn : new LdapName(subject).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      // fall through: the full subject is still a fair name
    }
    return subject;
  }
}
