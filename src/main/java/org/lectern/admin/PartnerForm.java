package org.lectern.admin;

import java.util.Map;
import org.lectern.programme.PartnerRole;
import org.lectern.programme.ProgrammePartner;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.web.FormData;

/** An organisation to name on a programme, as typed. */
public record PartnerForm(
    String organisationId,
    String role,
    Map<String, String> acknowledgement,
    Map<String, String> disclaimer) {

  static PartnerForm blank() {
    return new PartnerForm("", PartnerRole.PARTNER.name(), Map.of(), Map.of());
  }

  static PartnerForm from(FormData f) {
    return new PartnerForm(
        f.get("organisationId"),
        f.get("role"),
        f.text("acknowledgement").values(),
        f.text("disclaimer").values());
  }

  /** Unparsable ids and roles become null, which the service reports as a field problem. */
  ProgrammePartner toPartner(int position) {
    return new ProgrammePartner(
        Ids.orNull(organisationId),
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
