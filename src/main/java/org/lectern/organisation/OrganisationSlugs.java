package org.lectern.organisation;

import com.ibm.icu.text.Transliterator;
import java.util.List;
import java.util.Locale;
import org.lectern.shared.i18n.LocalizedText;

/** Slugs made from an organisation's name, in Latin letters whatever its language. */
final class OrganisationSlugs {

  private static final Transliterator LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");
  private static final int MAX = 60;

  private OrganisationSlugs() {}

  static String from(LocalizedText name) {
    String text = name.in("en", List.of("ru", "kk"));
    String slug =
        LATIN
            .transliterate(text)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > MAX) {
      slug = slug.substring(0, MAX).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "organisation" : slug;
  }

  static String numbered(String base, int n) {
    return base + "-" + n;
  }
}
