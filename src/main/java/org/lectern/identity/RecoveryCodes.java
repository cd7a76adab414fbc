package org.lectern.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lectern.shared.crypto.Sha256;

/**
 * Ten single-use codes for the day the phone is lost: 16 characters (80 random bits) each, shown
 * once, stored only as SHA-256 hashes (enough for 80 random bits, as for API tokens).
 */
final class RecoveryCodes {

  static final int COUNT = 10;
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RecoveryCodes() {}

  static List<String> generate() {
    List<String> codes = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < 16; j++) {
        if (j > 0 && j % 4 == 0) {
          sb.append('-');
        }
        sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      codes.add(sb.toString());
    }
    return codes;
  }

  /** Whether the input looks like a recovery code rather than a six-digit one. */
  static boolean looksLike(String input) {
    return normalise(input).length() == 16;
  }

  static String normalise(String input) {
    if (input == null || input.length() > 40) {
      return "";
    }
    return input.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
  }

  static byte[] hash(String input) {
    return Sha256.bytes("recovery:" + normalise(input));
  }
}
