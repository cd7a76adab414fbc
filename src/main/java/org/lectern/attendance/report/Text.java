package org.lectern.attendance.report;

import com.ibm.icu.lang.UCharacter;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** Cell clean-up shared by all readers: exports are full of no-break spaces and stray padding. */
final class Text {

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u2009\\u202F]+");

  private Text() {}

  /** Removes BOMs, turns every kind of space into one plain space and trims. */
  static String clean(String raw) {
    if (raw == null) {
      return "";
    }
    return SPACES.matcher(raw.replace("\uFEFF", "")).replaceAll(" ").trim();
  }

  /** Comparison key for names and headers: NFKC, cleaned, case-folded. */
  static String key(String raw) {
    String normal = Normalizer.normalize(clean(raw), Normalizer.Form.NFKC).replace('\u2019', '\'');
    return UCharacter.foldCase(clean(normal), true);
  }

  /** Exports write "--", "-" or "NA" (anonymised) where a value is missing. */
  static boolean isMissing(String cleaned) {
    return cleaned.isEmpty()
        || cleaned.equals("-")
        || cleaned.equals("--")
        || cleaned.equalsIgnoreCase("NA")
        || cleaned.equalsIgnoreCase("N/A");
  }
}
