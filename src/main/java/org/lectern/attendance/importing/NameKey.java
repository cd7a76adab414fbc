package org.lectern.attendance.importing;

import com.ibm.icu.text.Transliterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person's name reduced to what survives the ways reports write it: order ("Goliath, David"),
 * case, diacritics, suffixes such as "(Guest)" or "(EXT)", and Cyrillic or Latin spelling
 * ("Айгерим" and "Aigerim" both become "aigerim"). Two names match when their keys are equal.
 */
public final class NameKey {

  private static final ThreadLocal<Transliterator> LATIN =
      ThreadLocal.withInitial(
          () -> Transliterator.getInstance("Any-Latin; Cyrillic-Latin; Latin-ASCII; Lower"));
  private static final Pattern BRACKETS = Pattern.compile("[(\\[][^)\\]]*[)\\]]");
  private static final Pattern NON_LETTERS = Pattern.compile("[^a-z0-9]+");

  private static final String KAZAKH = "әғқңөұүһі";
  private static final String LATIN_OF_KAZAKH = "agknouuhi";

  private NameKey() {}

  /** The key, or "" when nothing of a name is left. */
  public static String of(String name) {
    if (name == null) {
      return "";
    }
    String plain = kazakhLetters(BRACKETS.matcher(name).replaceAll(" ").toLowerCase(Locale.ROOT));
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

  /** Kazakh letters ICU's Cyrillic-Latin leaves out, as Kazakh passports spell them in Latin. */
  private static String kazakhLetters(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int k = KAZAKH.indexOf(c);
      out.append(k >= 0 ? LATIN_OF_KAZAKH.charAt(k) : c);
    }
    return out.toString();
  }

  /**
   * Folds the spellings that differ between transliteration schemes (ICU writes ж as "z" with a
   * caron, passports write "zh"): й/y/j/i, zh/sh/ch/kh, ts, the soft and hard signs (apostrophes,
   * dropped above) and doubled letters.
   */
  private static String fold(String token) {
    String t =
        token
            .replace("shch", "s")
            .replace("zh", "z")
            .replace("sh", "s")
            .replace("ch", "c")
            .replace("ts", "c")
            .replace("kh", "h")
            .replace("j", "i")
            .replace("y", "i")
            .replace("ie", "e");
    StringBuilder out = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      if (i == 0 || t.charAt(i) != t.charAt(i - 1) || Character.isDigit(t.charAt(i))) {
        out.append(t.charAt(i));
      }
    }
    return out.toString();
  }
}
