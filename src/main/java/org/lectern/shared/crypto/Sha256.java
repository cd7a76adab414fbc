package org.lectern.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for tokens stored only as hashes, request fingerprints and file identities. Every Java
 * runtime has SHA-256, so its absence is an error, not a checked case.
 */
public final class Sha256 {

  private Sha256() {}

  public static byte[] bytes(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Of the text's UTF-8 bytes. */
  public static byte[] bytes(String text) {
    return bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hexadecimal. */
  public static String hex(byte[] data) {
    return HexFormat.of().formatHex(bytes(data));
  }

  /** Lower-case hexadecimal of the text's UTF-8 bytes. */
  public static String hex(String text) {
    return HexFormat.of().formatHex(bytes(text));
  }
}
