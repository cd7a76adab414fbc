package org.lectern.shared.text;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: lowercase a-z, 0-9 and single hyphens, at most 80 characters. */
public final class Slugs {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  private static final ThreadLocal<Transliterator> LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  private Slugs() {}

  public static boolean isValid(String slug) {
    return slug != null && slug.length() <= 80 && SLUG.matcher(slug).matches();
  }

  /**
   * A slug made from any text, in Latin letters whatever its script ("Әділ сот" → "adil-sot"), at
   * most {@code max} characters; empty when nothing of the text survives.
   */
  public static String fromText(String text, int max) {
    String slug =
        LATIN
            .get()
            .transliterate(kazakhLetters(text == null ? "" : text))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > max) {
      slug = slug.substring(0, max).replaceAll("-+$", "");
    }
    return slug;
  }

  private static final String KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
  private static final String KAZAKH_LATIN = "agqnouuhiAGQNOUUHI";

  /** Kazakh letters the transliterator leaves outside ASCII (ә becomes ə), as in Kazakh Latin. */
  private static String kazakhLetters(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      int i = KAZAKH.indexOf(c);
      out.append(i < 0 ? c : KAZAKH_LATIN.charAt(i));
    }
    return out.toString();
  }
}
