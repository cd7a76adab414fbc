package org.lectern.certificate.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Fictional certificates shared by the document tests. */
final class SampleCertificates {

  static final String KAZAKH_NAME = "Әлия Қасымқызы Нұрғалиева-Үмбетова";
  static final String KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";
  static final CertificateCode CODE = CertificateCode.parse("7K3M-9QXZ-4TRB-2HCW-8NPX");
  static final URI VERIFY_URL =
      CertificateContent.verificationUrl(URI.create("https://lectern.example.kz/"), CODE);

  private SampleCertificates() {}

  static CertificateContent kazakh() {
    return new CertificateContent(
        KAZAKH_NAME,
        Optional.of("АД-0421/17"),
        "Адам құқықтары және сот төрелігіне қол жеткізу: халықаралық стандарттар",
        LocalDate.of(2025, 3, 3),
        LocalDate.of(2025, 3, 14),
        CpdHours.roundDownToHalfHour(Duration.ofMinutes(12 * 60 + 47)),
        "Аралас (онлайн және Алматы)",
        "Қазақстан заңгерлер одағы",
        List.of("Һәкім құқықтық орталығы", "Ғылыми-сараптама институты"),
        List.of("Өмірзақ Ұлықбекұлы", "Іңкәр Сейітқызы"),
        List.of(
            "Әділ сотқа құқық",
            "Бейбіт жиналыс бостандығы",
            "Сөз бостандығы және ақпаратқа қол жеткізу",
            "Азаптауға қарсы стандарттар"),
        false,
        CODE,
        VERIFY_URL,
        LocalDate.of(2025, 3, 17),
        List.of(
            new Signatory("Гүлнұр Төлеуқызы", "Бағдарлама директоры"),
            new Signatory("Ерлан Сәбитұлы", "Төраға")),
        null);
  }

  static CertificateContent russian() {
    return new CertificateContent(
        "Пётр Ильич Щербаков",
        Optional.empty(),
        "Международные стандарты справедливого суда",
        LocalDate.of(2025, 10, 6),
        LocalDate.of(2025, 10, 8),
        CpdHours.roundDownToHalfHour(Duration.ofMinutes(8 * 60 + 30)),
        "Онлайн",
        "Союз юристов Казахстана",
        List.of(),
        List.of("Анна Ким"),
        List.of("Презумпция невиновности", "Право на защиту", "Гласность процесса"),
        false,
        CODE,
        VERIFY_URL,
        LocalDate.of(2025, 10, 10),
        List.of(new Signatory("Ирина Соколова", "Директор программы")),
        null);
  }

  static CertificateContent english() {
    return new CertificateContent(
        "Dana O'Neil & <Partners>",
        Optional.of("KZ-BAR 1187"),
        "Strategic Litigation before UN Treaty Bodies",
        LocalDate.of(2025, 5, 12),
        LocalDate.of(2025, 5, 12),
        CpdHours.roundDownToHalfHour(Duration.ofMinutes(6 * 60 + 10)),
        "Hybrid",
        "Lawyers' Union of Kazakhstan",
        List.of("Astana Legal Clinic"),
        List.of("Sam Rivera", "Aigerim Bekova"),
        List.of("Admissibility", "Interim measures", "Follow-up of views"),
        false,
        CODE,
        VERIFY_URL,
        LocalDate.of(2025, 5, 13),
        List.of(new Signatory("Alex Morgan", "Programme Director")),
        null);
  }

  static CertificateContent withLogo() {
    CertificateContent content = english();
    return new CertificateContent(
        content.holderName(),
        content.licenceNumber(),
        content.programmeTitle(),
        content.firstSession(),
        content.lastSession(),
        content.hours(),
        content.deliveryMode(),
        content.issuer(),
        content.partners(),
        content.trainers(),
        content.topics(),
        content.topicNeutral(),
        content.code(),
        content.verificationUrl(),
        content.issueDate(),
        content.signatories(),
        logoPng());
  }

  /** A small logo with a transparent background, as organisers upload them. */
  static byte[] logoPng() {
    BufferedImage image = new BufferedImage(240, 96, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(31, 60, 102, 255));
    g.fillOval(4, 4, 88, 88);
    g.setColor(new Color(176, 141, 60, 200));
    g.fillRect(100, 30, 130, 36);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static CertificateContent topicNeutral(CertificateContent content) {
    return new CertificateContent(
        content.holderName(),
        content.licenceNumber(),
        content.programmeTitle(),
        content.firstSession(),
        content.lastSession(),
        content.hours(),
        content.deliveryMode(),
        content.issuer(),
        content.partners(),
        content.trainers(),
        content.topics(),
        true,
        content.code(),
        content.verificationUrl(),
        content.issueDate(),
        content.signatories(),
        content.logoPng());
  }

  static CertificateContent withHolder(CertificateContent content, String holderName) {
    return new CertificateContent(
        holderName,
        content.licenceNumber(),
        content.programmeTitle(),
        content.firstSession(),
        content.lastSession(),
        content.hours(),
        content.deliveryMode(),
        content.issuer(),
        content.partners(),
        content.trainers(),
        content.topics(),
        content.topicNeutral(),
        content.code(),
        content.verificationUrl(),
        content.issueDate(),
        content.signatories(),
        content.logoPng());
  }
}
