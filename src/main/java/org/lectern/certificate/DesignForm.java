package org.lectern.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lectern.certificate.document.Signatory;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.web.FormData;

/**
 * The certificate design form as submitted: signatories one per line as "Name | Title"; an empty
 * template means the built-in layout.
 */
public record DesignForm(
    boolean topicNeutral,
    LocalizedText neutralTitle,
    String signatories,
    boolean removeLogo,
    String template,
    String previewLanguage) {

  static DesignForm from(FormData f) {
    return new DesignForm(
        f.checked("topicNeutral"),
        f.text("neutralTitle"),
        f.raw("signatories"),
        f.checked("removeLogo"),
        f.raw("template"),
        f.get("previewLanguage"));
  }

  static DesignForm of(CertificateSettings s, String defaultTemplate) {
    StringBuilder lines = new StringBuilder();
    s.signatories()
        .forEach(x -> lines.append(x.name()).append(" | ").append(x.title()).append('\n'));
    return new DesignForm(
        s.topicNeutral(),
        s.neutralTitle(),
        lines.toString(),
        false,
        s.hasTemplate() ? s.template() : defaultTemplate,
        "");
  }

  /** Settings to save or preview; {@code logo} is a new upload, else the stored logo is kept. */
  CertificateSettings toSettings(
      UUID programmeId, CertificateSettings stored, byte[] logo, String defaultTemplate) {
    byte[] keptLogo = logo != null ? logo : removeLogo ? null : stored.logoPng();
    String own =
        template == null || template.isBlank() || template.strip().equals(defaultTemplate.strip())
            ? null
            : template;
    return new CertificateSettings(
        programmeId,
        topicNeutral,
        neutralTitle,
        signatoryList(),
        keptLogo,
        own,
        stored.templateVersion());
  }

  List<Signatory> signatoryList() {
    List<Signatory> list = new ArrayList<>();
    for (String line : signatories == null ? new String[0] : signatories.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int bar = line.indexOf('|');
      list.add(
          bar < 0
              ? new Signatory(line.strip(), "")
              : new Signatory(line.substring(0, bar).strip(), line.substring(bar + 1).strip()));
    }
    return list;
  }
}
