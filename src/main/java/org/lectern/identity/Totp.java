package org.lectern.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits, what
 * every authenticator app understands. A code is accepted for the current step and one step either
 * side (clocks drift), and only for a step later than the last one accepted, so a code seen over a
 * shoulder cannot be used again.
 */
final class Totp {

  static final int STEP_SECONDS = 30;
  static final int DIGITS = 6;
  static final int SECRET_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  static byte[] newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return secret;
  }

  static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of one step, as six digits with leading zeros. */
  static String code(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = h[h.length - 1] & 0x0f;
      int binary =
          ((h[offset] & 0x7f) << 24)
              | ((h[offset + 1] & 0xff) << 16)
              | ((h[offset + 2] & 0xff) << 8)
              | (h[offset + 3] & 0xff);
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
    }
  }

  /**
   * The step the code belongs to when it is right for {@code at} ± one step and later than {@code
   * lastStep}; empty otherwise. Every candidate is compared in constant time.
   */
  static OptionalLong match(byte[] secret, String code, Instant at, long lastStep) {
    String c = normalise(code);
    if (c.length() != DIGITS) {
      return OptionalLong.empty();
    }
    long now = step(at);
    long found = -1;
    for (long s = now - 1; s <= now + 1; s++) {
      boolean same =
          MessageDigest.isEqual(
              code(secret, s).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
              c.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      if (same && s > lastStep && found < 0) {
        found = s;
      }
    }
    return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /** Digits only: people type "123 456". */
  static String normalise(String code) {
    if (code == null || code.length() > 20) {
      return "";
    }
    return code.replaceAll("[\\s-]", "");
  }

  /** The otpauth:// address authenticator apps read (from a QR code or pasted). */
  static String uri(String issuer, String account, byte[] secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + Base32.encode(secret)
        + "&issuer="
        + enc(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
