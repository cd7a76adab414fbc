package org.lectern.certificate.document;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The public identifier of a certificate: unguessable (95 random bits) so codes cannot be
 * enumerated on the verification page, and readable aloud or typed from paper without ambiguity.
 *
 * <p>Format: 20 Crockford base32 characters in groups of four, {@code XXXX-XXXX-XXXX-XXXX-XXXX};
 * the last character is a check character so a typo is caught before any lookup.
 */
public record CertificateCode(String value) {

  /** Crockford base32: digits and capitals without I, L, O and U. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  public static final int LENGTH = 20;
  public static final int RANDOM_CHARACTERS = LENGTH - 1;
  public static final int RANDOM_BITS = RANDOM_CHARACTERS * 5;

  // Cyrillic letters that look like Latin ones: delegates in Kazakhstan often type with a Cyrillic
  // keyboard layout active.
  private static final String LOOKALIKES_FROM = "OILАВЕКМНОРСТХ";
  private static final String LOOKALIKES_TO = "011ABEKMH0PCTX";

  public CertificateCode {
    Objects.requireNonNull(value, "value");
    String compact = value.replace("-", "");
    if (!value.equals(format(compact)) || !isValidCompact(compact)) {
      throw new IllegalArgumentException("Not a canonical certificate code: " + value);
    }
  }

  public static CertificateCode generate(SecureRandom random) {
    StringBuilder compact = new StringBuilder(LENGTH);
    for (int i = 0; i < RANDOM_CHARACTERS; i++) {
      compact.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    compact.append(checkCharacter(compact));
    return new CertificateCode(format(compact.toString()));
  }

  /** Accepts lower case, spaces or missing dashes, O for 0, I or L for 1, Cyrillic lookalikes. */
  public static CertificateCode parse(String input) {
    return tryParse(input)
        .orElseThrow(() -> new IllegalArgumentException("Not a certificate code: " + input));
  }

  public static Optional<CertificateCode> tryParse(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String compact = normalise(input);
    if (!isValidCompact(compact)) {
      return Optional.empty();
    }
    return Optional.of(new CertificateCode(format(compact)));
  }

  /** Upper-cases, drops separators and maps ambiguous characters; does not validate. */
  public static String normalise(String input) {
    StringBuilder out = new StringBuilder(input.length());
    for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || c == ' ' || c == '\u2013' || c == '\u00A0') {
        continue;
      }
      int lookalike = LOOKALIKES_FROM.indexOf(c);
      out.append(lookalike >= 0 ? LOOKALIKES_TO.charAt(lookalike) : c);
    }
    return out.toString();
  }

  /** The code without dashes, as stored in the database and used in URLs. */
  public String compact() {
    return value.replace("-", "");
  }

  @Override
  public String toString() {
    return value;
  }

  private static boolean isValidCompact(String compact) {
    if (compact.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
        return false;
      }
    }
    return compact.charAt(LENGTH - 1) == checkCharacter(compact.subSequence(0, RANDOM_CHARACTERS));
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
    StringBuilder out = new StringBuilder(compact.length() + 4);
    for (int i = 0; i < compact.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append('-');
      }
      out.append(compact.charAt(i));
    }
    return out.toString();
  }
}
