package org.lectern.certificate.document;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns certificate content into the XHTML values of template variables. Every value that comes
 * from people (names, titles, topics) is escaped here, in one place, so no template can be tricked
 * into printing markup; only the few fragments we build ourselves (lists, images) are markup.
 */
final class CertificateVariables {

  static final String LABEL_PREFIX = "label.";

  static final Set<String> TEXT =
      Set.of(
          "lang",
          "holderName",
          "licenceNumber",
          "programmeTitle",
          "dates",
          "hours",
          "mode",
          "issuer",
          "partners",
          "trainers",
          "code",
          "verifyUrl",
          "issueDate");

  /** Variables whose value is an XHTML fragment, so they only fit in element content. */
  static final Set<String> MARKUP = Set.of("topics", "signatories", "qrCode", "logo");

  private CertificateVariables() {}

  static boolean isKnown(String name) {
    if (name.startsWith(LABEL_PREFIX)) {
      return CertificateLabels.KEYS.contains(name.substring(LABEL_PREFIX.length()));
    }
    return TEXT.contains(name) || MARKUP.contains(name);
  }

  static String describeKnown() {
    return List.of(TEXT, MARKUP).stream()
            .flatMap(Set::stream)
            .sorted()
            .collect(Collectors.joining(", "))
        + ", label.<"
        + String.join("|", CertificateLabels.KEYS)
        + ">";
  }

  /** Values used to validate a template: every section on, markup where markup will be. */
  static Map<String, String> sampleValues() {
    Map<String, String> values = new HashMap<>();
    TEXT.forEach(name -> values.put(name, "x"));
    MARKUP.forEach(name -> values.put(name, "<span/>"));
    CertificateLabels.KEYS.forEach(key -> values.put(LABEL_PREFIX + key, "x"));
    return values;
  }

  static Map<String, String> of(
      CertificateContent content,
      CertificateLanguage language,
      CertificateLabels labels,
      byte[] qrPng) {
    CertificateDates dates = new CertificateDates(language);
    Map<String, String> values = new HashMap<>();
    text(values, "lang", language.tag());
    text(values, "holderName", content.holderName());
    text(values, "licenceNumber", content.licenceNumber().orElse(""));
    text(values, "programmeTitle", content.programmeTitle());
    text(values, "dates", dates.range(content.firstSession(), content.lastSession()));
    text(values, "hours", content.hours().format(language.locale()));
    text(values, "mode", content.deliveryMode());
    text(values, "issuer", content.issuer());
    text(values, "partners", String.join(", ", content.partners()));
    text(values, "trainers", String.join(", ", content.trainers()));
    text(values, "code", content.code().value());
    text(values, "verifyUrl", content.verificationUrl().toString());
    text(values, "issueDate", dates.date(content.issueDate()));
    values.put("topics", topics(content, language, labels));
    values.put("signatories", signatories(content.signatories()));
    values.put("qrCode", image("qr", qrPng));
    values.put("logo", content.logoPng() == null ? "" : image("logo", content.logoPng()));
    CertificateLabels.KEYS.forEach(key -> text(values, LABEL_PREFIX + key, labels.text(key)));
    return values;
  }

  private static void text(Map<String, String> values, String name, String value) {
    values.put(name, Xhtml.escape(value));
  }

  private static String topics(
      CertificateContent content, CertificateLanguage language, CertificateLabels labels) {
    StringBuilder out = new StringBuilder();
    List<String> topics = content.topics();
    for (int i = 0; i < topics.size(); i++) {
      String line =
          content.topicNeutral() ? labels.moduleLine(i + 1, language.locale()) : topics.get(i);
      out.append("<li>").append(Xhtml.escape(line)).append("</li>");
    }
    return out.toString();
  }

  private static String signatories(List<Signatory> signatories) {
    StringBuilder out = new StringBuilder();
    for (Signatory signatory : signatories) {
      out.append("<div class=\"signatory\"><div class=\"signatory-line\"></div>")
          .append("<div class=\"signatory-name\">")
          .append(Xhtml.escape(signatory.name()))
          .append("</div><div class=\"signatory-title\">")
          .append(Xhtml.escape(signatory.title()))
          .append("</div></div>");
    }
    return out.toString();
  }

  private static String image(String cssClass, byte[] png) {
    return "<img class=\""
        + cssClass
        + "\" alt=\"\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png)
        + "\"/>";
  }
}
