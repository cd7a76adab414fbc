package org.lectern.certificate;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.lectern.certificate.document.CertificateCode;
import org.lectern.certificate.document.CertificateContent;
import org.lectern.certificate.document.CertificateLanguage;
import org.lectern.certificate.document.CertificateRenderer;
import org.lectern.certificate.document.CertificateSigner;
import org.lectern.certificate.document.CertificateTemplate;
import org.lectern.certificate.document.CpdHours;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Composes what a certificate prints, lays it out with the programme's template and signs it. */
@Component
class CertificateDocuments {

  static final CertificateTemplate DEFAULT_TEMPLATE = CertificateTemplate.defaultTemplate();

  private final CertificateWording wording;
  private final SigningKeyStore keys;
  private final Clock clock;
  private final URI baseUrl;
  private final CertificateRenderer renderer;
  private final CertificateSigner signer = new CertificateSigner();

  CertificateDocuments(
      CertificateWording wording,
      SigningKeyStore keys,
      Clock clock,
      @Value("${lectern.base-url}") String baseUrl) {
    this.wording = wording;
    this.keys = keys;
    this.clock = clock;
    this.baseUrl = URI.create(baseUrl);
    this.renderer = new CertificateRenderer(clock);
  }

  CertificateContent content(
      ProgrammeRecord r, Holder holder, CpdHours hours, CertificateCode code) {
    CertificateLanguage lang = holder.language();
    LocalDate today = LocalDate.now(clock.withZone(r.programme().timeZone()));
    return new CertificateContent(
        holder.name(),
        Optional.ofNullable(holder.licenceNumber()),
        wording.title(r, lang),
        r.firstDay(today),
        r.lastDay(today),
        hours,
        wording.mode(r, lang),
        wording.name(r.organiser(), lang),
        r.partners().stream().map(o -> wording.name(o, lang)).toList(),
        r.trainers(),
        wording.topics(r, lang),
        r.settings().topicNeutral(),
        code,
        CertificateContent.verificationUrl(baseUrl, code),
        today,
        r.settings().signatories(),
        r.settings().logoPng());
  }

  /** The unsigned PDF/A, as the preview shows it. */
  byte[] render(ProgrammeRecord r, CertificateContent content, CertificateLanguage lang) {
    return renderer.render(content, lang, wording.labels(lang), template(r.settings()));
  }

  /** The signed PDF/A, as issued. */
  byte[] renderAndSign(ProgrammeRecord r, CertificateContent content, CertificateLanguage lang) {
    var key = keys.keyOf(r.organiser().id(), wording.name(r.organiser(), CertificateLanguage.EN));
    return signer.sign(render(r, content, lang), key);
  }

  static CertificateTemplate template(CertificateSettings s) {
    return s.hasTemplate() ? CertificateTemplate.parse(s.template()) : DEFAULT_TEMPLATE;
  }
}
