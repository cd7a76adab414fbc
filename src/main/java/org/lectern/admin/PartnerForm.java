package org.lectern.admin;

import java.util.Map;
import org.lectern.programme.PartnerRole;
import org.lectern.programme.ProgrammePartner;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.web.FormData;

/**
 * An organisation to name on a programme, as typed: by its address name (slug), which the
 * organisation tells those it works with — the page lists no organisations (ADR 0010).
 */
public record PartnerForm(
    String organisation,
    String role,
    Map<String, String> acknowledgement,
    Map<String, String> disclaimer) {

  static PartnerForm blank() {
    return new PartnerForm("", PartnerRole.PARTNER.name(), Map.of(), Map.of());
  }

  static PartnerForm from(FormData f) {
    return new PartnerForm(
        f.get("organisation").strip().toLowerCase(java.util.Locale.ROOT),
        f.get("role"),
        f.text("acknowledgement").values(),
        f.text("disclaimer").values());
  }

  /**
   * The partner to name: {@code organisationId} is the organisation found by its address name or,
   * for none, an id of no organisation (answered as a proposal, nothing stored). An unknown role
   * becomes null, which the service reports as a field problem.
   */
  ProgrammePartner toPartner(java.util.UUID organisationId, int position) {
    return new ProgrammePartner(
        organisationId,
        roleOrNull(),
        new LocalizedText(acknowledgement),
        new LocalizedText(disclaimer),
        position);
  }

  private PartnerRole roleOrNull() {
    try {
      return PartnerRole.valueOf(role);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String acknowledgement(String lang) {
    return acknowledgement.getOrDefault(lang, "");
  }

  public String disclaimer(String lang) {
    return disclaimer.getOrDefault(lang, "");
  }
}
