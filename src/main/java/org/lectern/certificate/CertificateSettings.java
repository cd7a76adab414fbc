package org.lectern.certificate;

import java.util.List;
import java.util.UUID;
import org.lectern.certificate.document.Signatory;
import org.lectern.shared.i18n.LocalizedText;

/**
 * How a programme's certificates look: topic-neutral wording, signatories, an optional logo and an
 * optional template of the organiser's own (null: the built-in layout).
 *
 * @param neutralTitle printed instead of the programme title when topic-neutral (may be empty)
 * @param templateVersion grows with every saved template, recorded on each certificate
 */
public record CertificateSettings(
    UUID programmeId,
    boolean topicNeutral,
    LocalizedText neutralTitle,
    List<Signatory> signatories,
    byte[] logoPng,
    String template,
    int templateVersion) {

  public CertificateSettings {
    neutralTitle = neutralTitle == null ? LocalizedText.empty() : neutralTitle;
    signatories = signatories == null ? List.of() : List.copyOf(signatories);
  }

  public static CertificateSettings defaults(UUID programmeId) {
    return new CertificateSettings(
        programmeId, false, LocalizedText.empty(), List.of(), null, null, 0);
  }

  public boolean hasTemplate() {
    return template != null && !template.isBlank();
  }
}
