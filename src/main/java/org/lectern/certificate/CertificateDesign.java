package org.lectern.certificate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.lectern.audit.AuditLog;
import org.lectern.certificate.document.CertificateCode;
import org.lectern.certificate.document.CertificateLanguage;
import org.lectern.certificate.document.CertificateRenderingException;
import org.lectern.certificate.document.CertificateTemplate;
import org.lectern.certificate.document.CertificateTemplateException;
import org.lectern.certificate.document.CpdHours;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * A programme's certificate design: settings and template, checked before they are saved, and a
 * preview of a sample certificate as an image (no JavaScript needed to see it).
 */
@Service
public record CertificateDesign(
    ProgrammeService programmes,
    ProgrammeRecords records,
    CertificateSettingsRepository settings,
    CertificateDocuments documents,
    CertificateWording wording,
    AuditLog audit,
    Clock clock,
    Transactions transactions) {

  static final int TEMPLATE_MAX = 100_000;

  public CertificateSettings settings(LecternUser actor, UUID programmeId) {
    programmes.manageable(actor, programmeId);
    return settings.of(programmeId);
  }

  /** The built-in template's source, the starting point of an organiser's own. */
  public String defaultTemplate() {
    return CertificateDocuments.DEFAULT_TEMPLATE.source();
  }

  public void save(LecternUser actor, UUID programmeId, CertificateSettings s) {
    transactions.run(
        () -> {
          Programme p = programmes.manageable(actor, programmeId);
          check(s);
          settings.save(s, clock.instant());
          audit.record(
              new AuditLog.Record(
                  actor.id(),
                  actor.fullName(),
                  "certificate.designChanged",
                  p.organisationId(),
                  "programme",
                  programmeId.toString(),
                  null,
                  null));
        });
  }

  /** A sample certificate in {@code lang} with these (unsaved) settings, as a PNG of the page. */
  public byte[] preview(LecternUser actor, UUID programmeId, CertificateSettings s, String lang) {
    Programme p = programmes.manageable(actor, programmeId);
    check(s);
    CertificateLanguage language = Languages.of(lang);
    ProgrammeRecord r = records.load(p, s);
    Holder sample =
        new Holder(null, wording.t(language, "certificate.sample.holder"), "0000", null, language);
    var content =
        documents.content(
            r, sample, new CpdHours(24), CertificateCode.generate(new SecureRandom()));
    try {
      return png(documents.render(r, content, language));
    } catch (CertificateTemplateException e) {
      throw templateProblem(e);
    } catch (CertificateRenderingException e) {
      throw InvalidInputException.of(
          "template", "certificate.template.unrenderable", e.getMessage());
    }
  }

  private static void check(CertificateSettings s) {
    if (!s.hasTemplate()) {
      return;
    }
    if (s.template().length() > TEMPLATE_MAX) {
      throw InvalidInputException.of("template", "validation.tooLong", TEMPLATE_MAX);
    }
    try {
      CertificateTemplate.parse(s.template());
    } catch (CertificateTemplateException e) {
      throw templateProblem(e);
    }
  }

  private static InvalidInputException templateProblem(CertificateTemplateException e) {
    String detail = e.getMessage().replaceFirst("^Line \\d+: ", "");
    return InvalidInputException.of("template", "certificate.template.error", e.line(), detail);
  }

  private static byte[] png(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 60, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
