package org.lectern.attendance;

import com.ibm.icu.text.Transliterator;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A person's name reduced to what survives the ways reports write it: order ("Goliath, David"),
 * case, diacritics, suffixes such as "(Guest)" or "(EXT)", and Cyrillic or Latin spelling
 * ("Айгерим" and "Aigerim" both become "aigerim"). Two names match when their keys are equal.
 */
final class NameKey {

  private static final ThreadLocal<Transliterator> LATIN =
      ThreadLocal.withInitial(
          () -> Transliterator.getInstance("Any-Latin; Cyrillic-Latin; Latin-ASCII; Lower"));
  private static final Pattern BRACKETS = Pattern.compile("[(\\[][^)\\]]*[)\\]]");
  private static final Pattern NON_LETTERS = Pattern.compile("[^a-z0-9]+");

  private NameKey() {}

  /** The key, or "" when nothing of a name is left. */
  static String of(String name) {
    if (name == null) {
      return "";
    }
    String plain = BRACKETS.matcher(name).replaceAll(" ");
    String latin = LATIN.get().transliterate(plain);
    String[] tokens =
        Arrays.stream(NON_LETTERS.split(latin))
            .filter(t -> !t.isEmpty())
            .map(NameKey::fold)
            .filter(t -> !t.isEmpty())
            .sorted()
            .toArray(String[]::new);
    return String.join(" ", tokens);
  }

  /**
   * Folds the spellings that differ between transliteration schemes: й/y/j/i, kh/h, the soft and
   * hard signs (ICU writes them as apostrophes, dropped above) and doubled letters.
   */
  private static String fold(String token) {
    String t = token.replace("kh", "h").replace("j", "i").replace("y", "i").replace("ie", "e");
    StringBuilder out = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      if (i == 0 || t.charAt(i) != t.charAt(i - 1)) {
        out.append(t.charAt(i));
      }
    }
    return out.toString();
  }
}
