package org.lectern.certificate.document;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.pdfboxout.fontstore.FontNotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Lays out one certificate as a PDF/A-3b document: fonts embedded, sRGB output intent, code and
 * holder in the metadata. Thread-safe; create once and reuse for bulk issuing.
 */
public final class CertificateRenderer {

  private static final String ICC_RESOURCE = "/certificate/icc/sRGB.icc";
  // Relative URLs resolve against a host that cannot exist; only data: URIs are loaded anyway.
  private static final String BASE_URI = "https://certificate.lectern.invalid/";

  private final Clock clock;
  private final byte[] colourProfile;
  private final CertificateFonts fonts = CertificateFonts.instance();

  public CertificateRenderer() {
    this(Clock.systemUTC());
  }

  public CertificateRenderer(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.colourProfile = readResource(ICC_RESOURCE);
  }

  /** Renders with the built-in layout. */
  public byte[] render(
      CertificateContent content, CertificateLanguage language, CertificateLabels labels) {
    return render(content, language, labels, CertificateTemplate.defaultTemplate());
  }

  /**
   * Renders with an organiser's template.
   *
   * @throws MissingGlyphException if any printed text holds a character the fonts lack
   * @throws CertificateRenderingException if the result would not be a faithful PDF/A
   */
  public byte[] render(
      CertificateContent content,
      CertificateLanguage language,
      CertificateLabels labels,
      CertificateTemplate template) {
    byte[] qr = QrCode.png(content.verificationUrl().toString());
    Map<String, String> values = CertificateVariables.of(content, language, labels, qr);
    Document xhtml = Xhtml.parse(template.fill(values));
    requireDisplayable(xhtml.getDocumentElement());
    String title = labels.text("title") + " — " + content.holderName();
    try {
      return toPdf(xhtml, title, content, language);
    } catch (FontNotFoundException e) {
      throw new CertificateTemplateException(
          "a font family the template names is not available ("
              + e.getMessage()
              + "); use 'Lectern Serif', 'Lectern Sans', serif or sans-serif",
          0,
          e);
    } catch (IOException e) {
      throw new CertificateRenderingException("Cannot render certificate " + content.code(), e);
    }
  }

  private byte[] toPdf(
      Document xhtml, String title, CertificateContent content, CertificateLanguage language)
      throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfAConformance(PdfAConformance.PDFA_3_B);
    builder.useColorProfile(colourProfile);
    builder.withProducer(CertificateMetadata.PRODUCER);
    builder.useExternalResourceAccessControl(
        (uri, type) -> uri != null && uri.startsWith("data:"),
        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    try (CertificateFonts.Lease faces = fonts.lease();
        PDDocument pdf = new PDDocument()) {
      builder.usePDDocument(pdf);
      faces.registerWith(builder, pdf);
      builder.withW3cDocument(xhtml, BASE_URI);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.layout();
        renderer.createPDFKeepOpen();
        requireEmbeddedFonts(pdf);
        CertificateMetadata.write(pdf, title, content, language, clock.instant());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
      }
    }
  }

  private void requireDisplayable(Node node) {
    if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
      fonts.requireDisplayable(node.getNodeValue());
      return;
    }
    String name = node.getLocalName();
    if ("head".equals(name) || "style".equals(name)) {
      return;
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      requireDisplayable(child);
    }
  }

  // A template may name a font family we do not ship; openhtmltopdf would then fall back to a
  // non-embedded standard font, which breaks PDF/A and may lack Cyrillic.
  private static void requireEmbeddedFonts(PDDocument pdf) throws IOException {
    for (PDPage page : pdf.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        // Our TrueType faces are embedded as subsets only when saving: judge by font type.
        if (!(font instanceof PDType0Font) && !font.isEmbedded()) {
          throw new CertificateRenderingException(
              "Font "
                  + font.getName()
                  + " is not embedded; use the families 'Lectern Serif' or"
                  + " 'Lectern Sans' in the template");
        }
      }
    }
  }

  private static byte[] readResource(String resource) {
    try (InputStream in = CertificateRenderer.class.getResourceAsStream(resource)) {
      return Objects.requireNonNull(in, resource).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
