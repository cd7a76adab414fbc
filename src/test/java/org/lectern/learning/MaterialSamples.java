package org.lectern.learning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real files for material uploads: made by PDFBox and POI, and hostile variants of them. */
final class MaterialSamples {

  private MaterialSamples() {}

  static byte[] pdf() {
    return pdf(doc -> {}, false);
  }

  /** A PDF running JavaScript when opened, its objects compressed in object streams. */
  static byte[] pdfWithHiddenJavaScript() {
    return pdf(
        doc -> {
          var js = new PDActionJavaScript("app.alert('x')");
          doc.getDocumentCatalog().setOpenAction(js);
        },
        true);
  }

  static byte[] pdfWithJavaScript() {
    return pdf(doc -> doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("1")), false);
  }

  static byte[] pdfLaunching() {
    return pdf(
        doc -> {
          var launch = new PDActionLaunch();
          launch.setFile(
              new org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification());
          doc.getDocumentCatalog().setOpenAction(launch);
        },
        true);
  }

  /** An OpenAction that only shows the first page, as many tools write: a plain document. */
  static byte[] pdfOpeningAtFirstPage() {
    return pdf(
        doc -> {
          var dest =
              new org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination
                  .PDPageFitDestination();
          dest.setPage(doc.getPage(0));
          doc.getDocumentCatalog().setOpenAction(dest);
        },
        false);
  }

  interface Change {
    void apply(PDDocument doc) throws IOException;
  }

  private static byte[] pdf(Change change, boolean compressed) {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      change.apply(doc);
      var out = new ByteArrayOutputStream();
      if (compressed) {
        doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
      } else {
        doc.save(out, CompressParameters.NO_COMPRESSION);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] pptx() {
    try (XMLSlideShow show = new XMLSlideShow()) {
      show.createSlide();
      var out = new ByteArrayOutputStream();
      show.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] docx() {
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("Handout: Article 14");
      var out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A "presentation" whose one extra entry unpacks to 300 MB of zeros (some 300 KB packed). */
  static byte[] zipBomb() {
    try {
      var out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
        zip.write(
            ("<Types><Override PartName=\"/ppt/presentation.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
                    + "\"/></Types>")
                .getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry("ppt/media/zeros.bin"));
        byte[] zeros = new byte[1024 * 1024];
        for (int i = 0; i < 300; i++) {
          zip.write(zeros);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A macro-enabled presentation (PPTM) saved under a .pptx name. */
  static byte[] macroPresentation() {
    try {
      var out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
        zip.write(
            ("<Types><Override PartName=\"/ppt/presentation.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
                    + "\"/><Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>")
                .getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry("ppt/vbaProject.bin"));
        zip.write(new byte[] {1, 2, 3});
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 1×1 PNG. */
  static byte[] png() {
    try {
      var img = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
      var out = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
