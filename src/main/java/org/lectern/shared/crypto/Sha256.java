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

  /**
   * One digest per thread: {@code MessageDigest.getInstance} looks the algorithm up among the
   * security providers on every call, and every API request hashes its token (issue 16: 1 % of an
   * organiser registration's request thread). {@code digest} resets it for the next use.
   */
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  public static byte[] bytes(byte[] data) {
    return DIGEST.get().digest(data);
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
