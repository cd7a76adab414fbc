package org.lectern.organisation;

import java.util.List;
import java.util.Map;

/** An organisation in the API (API.md: {@code {id, slug, name, mainCentres}} and more). */
record OrganisationJson(
    String id,
    String slug,
    Map<String, String> name,
    String shortName,
    String website,
    List<String> mainCentres,
    String certificateSigner,
    String mailSenderName,
    String logoUrl,
    String role,
    String secondFactor) {

  static OrganisationJson of(
      Organisation o,
      String baseUrl,
      OrganisationRole role,
      org.lectern.identity.SecondFactorPolicy secondFactor) {
    return new OrganisationJson(
        o.id().toString(),
        o.slug(),
        o.name().values(),
        o.shortName(),
        o.website(),
        o.mainCentres(),
        o.certificateSigner(),
        o.mailSenderName(),
        o.hasLogo() ? baseUrl + OrganisationLogoController.path(o.slug()) : null,
        role == null ? null : role.name(),
        secondFactor == null ? null : secondFactor.name());
  }
}
