package org.lectern.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Encryption and blind indexes under one programme's data key (ADR 0022), from {@link
 * PersonalDataCipher#forProgramme}. Ciphertexts name their key, so {@link
 * PersonalDataCipher#decrypt} reads them without being told the programme. Blind indexes are
 * HMAC-SHA256 under the programme's own MAC key: after a purge, nobody (not even with the
 * installation's key) can recompute an index found in an old dump.
 */
public final class ProgrammeCipher {

  private final UUID programmeId;
  private final ProgrammeKeys.Entry key;

  ProgrammeCipher(UUID programmeId, ProgrammeKeys.Entry key) {
    this.programmeId = programmeId;
    this.key = key;
  }

  public UUID programmeId() {
    return programmeId;
  }

  /** Ciphertext of {@code plain} for column {@code context}; null stays null. */
  public byte[] encrypt(String plain, String context) {
    if (plain == null) {
      return null;
    }
    try {
      return key.aead()
          .encrypt(plain.getBytes(StandardCharsets.UTF_8), PersonalDataCipher.ad(context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  /**
   * Ciphertext of arbitrary bytes (an uploaded file) for {@code context}; read back with {@link
   * PersonalDataCipher#decryptBytes}.
   */
  public byte[] encryptBytes(byte[] plain, String context) {
    try {
      return key.aead().encrypt(plain, PersonalDataCipher.ad(context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  /** Whether {@code sealed} was made by this programme's current key. */
  public boolean owns(byte[] sealed) {
    return sealed != null
        && sealed.length > 5
        && sealed[0] == 1
        && java.nio.ByteBuffer.wrap(sealed, 1, 4).getInt() == key.keyId();
  }

  /** The blind index of a normalised e-mail address within this programme. */
  public String emailIndex(String email) {
    return blindIndex(email.strip().toLowerCase(Locale.ROOT), "email");
  }

  /** A keyed, deterministic digest of {@code value} for equality look-ups in this programme. */
  public String blindIndex(String value, String context) {
    try {
      byte[] tag =
          key.mac()
              .computeMac(
                  ("lectern:" + context + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Blind index failed", e);
    }
  }
}
