package org.lectern.certificate.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateRendererTest {

  private static final CertificateRenderer RENDERER = new CertificateRenderer();
  private static final CertificateLabels KK =
      DefaultCertificateLabels.forLanguage(CertificateLanguage.KK);

  @Test
  void kazakhCertificateCarriesTheExactNameHoursAndCode() throws IOException {
    byte[] pdf = RENDERER.render(SampleCertificates.kazakh(), CertificateLanguage.KK, KK);

    String text = text(pdf);
    assertThat(text).contains(SampleCertificates.KAZAKH_NAME);
    assertThat(text).contains("12,5 сағ.");
    assertThat(text).contains("Біліктілікті арттыру туралы сертификат");
    assertThat(text).contains("Бейбіт жиналыс бостандығы");
    assertThat(text).contains("Лицензия № АД-0421/17");
    assertThat(text).contains(SampleCertificates.CODE.value());
  }

  @Test
  void everyKazakhLetterSurvivesTextExtraction() throws IOException {
    CertificateContent content =
        SampleCertificates.withHolder(
            SampleCertificates.kazakh(), SampleCertificates.KAZAKH_LETTERS);

    assertThat(text(RENDERER.render(content, CertificateLanguage.KK, KK)))
        .contains(SampleCertificates.KAZAKH_LETTERS);
  }

  @Test
  void isOneA4LandscapePage() throws IOException {
    byte[] pdf = RENDERER.render(SampleCertificates.kazakh(), CertificateLanguage.KK, KK);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      PDPage page = document.getPage(0);
      assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getHeight(), within());
      assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getWidth(), within());
    }
  }

  @Test
  void russianAndEnglishUseTheirOwnWordsAndNumbers() throws IOException {
    String ru =
        text(
            RENDERER.render(
                SampleCertificates.russian(),
                CertificateLanguage.RU,
                DefaultCertificateLabels.forLanguage(CertificateLanguage.RU)));
    String en =
        text(
            RENDERER.render(
                SampleCertificates.english(),
                CertificateLanguage.EN,
                DefaultCertificateLabels.forLanguage(CertificateLanguage.EN)));

    assertThat(ru)
        .contains("Пётр Ильич Щербаков", "8,5 ч.", "6–8 октября 2025", "СОЮЗ ЮРИСТОВ КАЗАХСТАНА");
    assertThat(ru).doesNotContain("Лицензия №"); // no licence number given
    assertThat(en).contains("Dana O'Neil & <Partners>", "6 hours", "May 12, 2025", "KZ-BAR 1187");
  }

  @Test
  void topicNeutralCertificateNamesModulesNotTopics() throws IOException {
    CertificateContent content = SampleCertificates.topicNeutral(SampleCertificates.kazakh());

    String text = text(RENDERER.render(content, CertificateLanguage.KK, KK));

    assertThat(text).contains("Бағдарламаның 1-модулі", "Бағдарламаның 4-модулі");
    assertThat(text).doesNotContain("Бейбіт жиналыс", "Азаптауға", "Әділ сотқа");
    assertThat(text).contains(SampleCertificates.KAZAKH_NAME);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Әлия 李 Нұрғалиева", "Әлия 😀", "Ali\u0F00ya"})
  void aNameTheFontCannotDrawFailsLoudly(String name) {
    CertificateContent content = SampleCertificates.withHolder(SampleCertificates.kazakh(), name);

    assertThatThrownBy(() -> RENDERER.render(content, CertificateLanguage.KK, KK))
        .isInstanceOf(MissingGlyphException.class)
        .hasMessageContaining("no glyph")
        .hasMessageContaining(name.strip());
  }

  @Test
  void literalTemplateTextTheFontCannotDrawFailsToo() {
    CertificateTemplate template =
        CertificateTemplate.parse(SampleTemplates.MINIMAL.replace("<body>", "<body><p>証明書</p>"));

    assertThatThrownBy(
            () ->
                RENDERER.render(SampleCertificates.kazakh(), CertificateLanguage.KK, KK, template))
        .isInstanceOf(MissingGlyphException.class)
        .satisfies(e -> assertThat(((MissingGlyphException) e).codePoint()).isEqualTo('証'));
  }

  @Test
  void genericFontFamiliesInATemplateGetOurEmbeddedFonts() throws IOException {
    CertificateTemplate template =
        CertificateTemplate.parse(
            SampleTemplates.MINIMAL.replace(
                "font-family: 'Lectern Sans'", "font-family: Arial, sans-serif"));

    byte[] pdf = RENDERER.render(SampleCertificates.kazakh(), CertificateLanguage.KK, KK, template);

    assertThat(text(pdf)).contains(SampleCertificates.KAZAKH_NAME);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (var name : document.getPage(0).getResources().getFontNames()) {
        var font = document.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(font.getName()).contains("DejaVu");
      }
    }
  }

  @Test
  void aFontFamilyWeDoNotShipIsATemplateError() {
    CertificateTemplate template =
        CertificateTemplate.parse(
            SampleTemplates.MINIMAL.replace("font-family: 'Lectern Sans'", "font-family: Arial"));

    assertThatThrownBy(
            () ->
                RENDERER.render(SampleCertificates.kazakh(), CertificateLanguage.KK, KK, template))
        .isInstanceOf(CertificateTemplateException.class)
        .hasMessageContaining("Arial")
        .hasMessageContaining("Lectern Serif");
  }

  @Test
  void aLogoThatIsNotPngIsRefused() {
    CertificateContent content = SampleCertificates.withLogo();

    assertThatThrownBy(
            () ->
                new CertificateContent(
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
                    false,
                    content.code(),
                    content.verificationUrl(),
                    content.issueDate(),
                    content.signatories(),
                    "GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PNG");
  }

  @Test
  void metadataHoldsCodeHolderAndTitle() throws IOException {
    byte[] pdf = RENDERER.render(SampleCertificates.kazakh(), CertificateLanguage.KK, KK);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(CertificateMetadata.code(document)).contains(SampleCertificates.CODE.value());
      assertThat(CertificateMetadata.holder(document)).contains(SampleCertificates.KAZAKH_NAME);
      assertThat(document.getDocumentInformation().getTitle())
          .contains(SampleCertificates.KAZAKH_NAME);
      String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8");
      assertThat(xmp)
          .contains("<lectern:certificateCode>" + SampleCertificates.CODE.value())
          .contains("<lectern:holderName>" + SampleCertificates.KAZAKH_NAME)
          .contains("<pdfaid:part>3</pdfaid:part>");
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("kk");
    }
  }

  @Test
  void rendersConcurrentlyWithoutMixingUpHolders() throws Exception {
    List<String> names =
        List.of("Әлия", "Ғалым", "Қуаныш", "Ңғ Өмір", "Ұлан", "Үміт", "Һәкім", "Іңкәр");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> texts = new ArrayList<>();
      for (String name : names) {
        CertificateContent content =
            SampleCertificates.withHolder(SampleCertificates.kazakh(), name);
        texts.add(pool.submit(() -> text(RENDERER.render(content, CertificateLanguage.KK, KK))));
      }
      for (int i = 0; i < names.size(); i++) {
        assertThat(texts.get(i).get()).contains("\n" + names.get(i) + "\n");
      }
    } finally {
      pool.shutdown();
    }
  }

  private static org.assertj.core.data.Offset<Float> within() {
    return org.assertj.core.data.Offset.offset(1f);
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
