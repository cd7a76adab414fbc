package org.lectern.certificate.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertificateTemplateTest {

  @Test
  void defaultTemplateParses() {
    assertThat(CertificateTemplate.defaultTemplate().source()).contains("{{holderName}}");
  }

  @Test
  void unknownVariableIsReportedWithItsLine() {
    String template =
        SampleTemplates.MINIMAL.replace("<p>{{holderName}}</p>", "<p>{{holderNmae}}</p>");

    assertThatThrownBy(() -> CertificateTemplate.parse(template))
        .isInstanceOf(CertificateTemplateException.class)
        .hasMessageContaining("holderNmae")
        .hasMessageStartingWith("Line 10:")
        .extracting(e -> ((CertificateTemplateException) e).line())
        .isEqualTo(10);
  }

  @Test
  void unknownLabelIsAnUnknownVariable() {
    String template = SampleTemplates.MINIMAL.replace("{{label.title}}", "{{label.diploma}}");

    assertThatThrownBy(() -> CertificateTemplate.parse(template))
        .isInstanceOf(CertificateTemplateException.class)
        .hasMessageContaining("label.diploma")
        .satisfies(e -> assertThat(((CertificateTemplateException) e).line()).isEqualTo(9));
  }

  @Test
  void unclosedTagIsReportedWithTheLineWhereXmlNoticesIt() {
    String template = SampleTemplates.MINIMAL.replace("<p>{{holderName}}</p>", "<p>{{holderName}}");

    assertThatThrownBy(() -> CertificateTemplate.parse(template))
        .isInstanceOf(CertificateTemplateException.class)
        .hasMessageContaining("not well-formed")
        .hasMessageContaining("innermost open element is <p> from line 10")
        .satisfies(e -> assertThat(((CertificateTemplateException) e).line()).isEqualTo(14));
  }

  @Test
  void brokenMarkupIsReportedOnItsLine() {
    String template = SampleTemplates.MINIMAL.replace("<ol>{{topics}}</ol>", "<ol {{topics}}</ol>");

    assertThatThrownBy(() -> CertificateTemplate.parse(template))
        .isInstanceOf(CertificateTemplateException.class)
        .satisfies(e -> assertThat(((CertificateTemplateException) e).line()).isEqualTo(12));
  }

  @Test
  void markupVariableInsideAnAttributeIsRefused() {
    String template =
        SampleTemplates.MINIMAL.replace("<div>{{qrCode}}", "<div title=\"{{qrCode}}\">");

    assertThatThrownBy(() -> CertificateTemplate.parse(template))
        .isInstanceOf(CertificateTemplateException.class)
        .satisfies(e -> assertThat(((CertificateTemplateException) e).line()).isEqualTo(13));
  }

  @Test
  void unclosedSectionAndStrayBracesAreReported() {
    assertThatThrownBy(
            () -> CertificateTemplate.parse(SampleTemplates.MINIMAL.replace("{{/logo}}", "")))
        .isInstanceOf(CertificateTemplateException.class)
        .hasMessageContaining("{{#logo}} is never closed")
        .satisfies(e -> assertThat(((CertificateTemplateException) e).line()).isEqualTo(8));
    assertThatThrownBy(
            () -> CertificateTemplate.parse(SampleTemplates.MINIMAL.replace("{{code}}", "{{code")))
        .isInstanceOf(CertificateTemplateException.class)
        .satisfies(e -> assertThat(((CertificateTemplateException) e).line()).isEqualTo(13));
  }

  @Test
  void aTemplateThatIsNotAnHtmlPageIsRefused() {
    assertThatThrownBy(() -> CertificateTemplate.parse("<div>\n{{holderName}}\n</div>"))
        .isInstanceOf(CertificateTemplateException.class)
        .hasMessageContaining("root element must be <html>");
    assertThatThrownBy(() -> CertificateTemplate.parse("<html><head/></html>"))
        .isInstanceOf(CertificateTemplateException.class)
        .hasMessageContaining("<body>");
  }

  @Test
  void doctypesAndEntitiesAreRefused() {
    String withDoctype =
        "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + SampleTemplates.MINIMAL;

    assertThatThrownBy(() -> CertificateTemplate.parse(withDoctype))
        .isInstanceOf(CertificateTemplateException.class)
        .satisfies(e -> assertThat(((CertificateTemplateException) e).line()).isEqualTo(1));
  }

  @Test
  void valuesAreEscapedNotInterpreted() throws Exception {
    String hostile = "<script>alert(1)</script><b>Bold</b> & \"quotes\"";
    CertificateContent content =
        SampleCertificates.withHolder(SampleCertificates.english(), hostile);

    byte[] pdf =
        new CertificateRenderer()
            .render(
                content,
                CertificateLanguage.EN,
                DefaultCertificateLabels.forLanguage(CertificateLanguage.EN),
                CertificateTemplate.parse(SampleTemplates.MINIMAL));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("<script>alert(1)</script><b>Bold</b> & \"quotes\"");
    }
  }

  @Test
  void escapedValuesFillTheTemplateAsText() {
    var values = CertificateVariables.sampleValues();
    values.put("holderName", Xhtml.escape("<img src=x onerror=alert(1)>"));

    String xhtml = CertificateTemplate.parse(SampleTemplates.MINIMAL).fill(values);

    assertThat(xhtml).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
    assertThat(Xhtml.parse(xhtml).getElementsByTagNameNS("*", "img").getLength()).isEqualTo(0);
  }
}
