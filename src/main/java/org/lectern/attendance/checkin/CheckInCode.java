package org.lectern.attendance.checkin;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A delegate's personal check-in code for one programme, printed under their QR code and typed at
 * the door when no camera works: 12 Crockford base32 characters in groups of four ({@code
 * XXXX-XXXX-XXXX}), the last a check character so a typo is caught before any look-up. The other 55
 * bits come from a keyed digest ({@link CheckInCodeService}): not guessable, meaningless elsewhere.
 */
record CheckInCode(String value) {

  /** Crockford base32: digits and capitals without I, L, O and U. */
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  static final int LENGTH = 12;

  // Cyrillic letters that look like Latin ones: door staff in Kazakhstan often type with a
  // Cyrillic keyboard layout active.
  private static final String LOOKALIKES_FROM = "OILАВЕКМНОРСТХ";
  private static final String LOOKALIKES_TO = "011ABEKMH0PCTX";

  /** The code whose payload is the low 55 bits of a hexadecimal digest. */
  static CheckInCode fromDigest(String hex) {
    long bits = HexFormat.fromHexDigitsToLong(hex.substring(hex.length() - 16));
    StringBuilder compact = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH - 1; i++) {
      compact.append(ALPHABET.charAt((int) (bits & 31)));
      bits >>>= 5;
    }
    compact.append(checkCharacter(compact));
    return new CheckInCode(format(compact.toString()));
  }

  /** Accepts lower case, spaces or missing dashes, O for 0, I or L for 1, Cyrillic lookalikes. */
  static Optional<CheckInCode> parse(String input) {
    if (input == null) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(input.length());
    for (char c : input.strip().toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || c == ' ' || c == '\u2013' || c == '\u00A0') {
        continue;
      }
      int lookalike = LOOKALIKES_FROM.indexOf(c);
      out.append(lookalike >= 0 ? LOOKALIKES_TO.charAt(lookalike) : c);
    }
    String compact = out.toString();
    if (compact.length() != LENGTH || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    if (compact.charAt(LENGTH - 1) != checkCharacter(compact.subSequence(0, LENGTH - 1))) {
      return Optional.empty();
    }
    return Optional.of(new CheckInCode(format(compact)));
  }

  String compact() {
    return value.replace("-", "");
  }

  @Override
  public String toString() {
    return value;
  }

  // Weighted sum modulo the prime 31: catches any single substitution (except 0 and Z) and any
  // swap of two neighbouring characters (except 0 and Z).
  static char checkCharacter(CharSequence payload) {
    int sum = 0;
    for (int i = 0; i < payload.length(); i++) {
      sum += (i + 1) * ALPHABET.indexOf(payload.charAt(i));
    }
    return ALPHABET.charAt(sum % 31);
  }

  private static String format(String compact) {
    return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8);
  }
}
