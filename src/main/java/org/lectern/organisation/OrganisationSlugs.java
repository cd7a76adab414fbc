package org.lectern.organisation;

import java.util.List;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.text.Slugs;

/** Slugs made from an organisation's name, in Latin letters whatever its language. */
final class OrganisationSlugs {

  private static final int MAX = 60;

  private OrganisationSlugs() {}

  static String from(LocalizedText name) {
    String slug = Slugs.fromText(name.in("en", List.of("ru", "kk")), MAX);
    return slug.isEmpty() ? "organisation" : slug;
  }

  static String numbered(String base, int n) {
    return base + "-" + n;
  }
}
