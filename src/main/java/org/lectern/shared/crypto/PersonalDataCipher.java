package org.lectern.shared.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Encrypts personal data (names, e-mails, phones, licence numbers, free text) with authenticated
 * encryption before it reaches the database, and computes keyed blind indexes so an e-mail can be
 * looked up without storing it in clear. The context string binds a ciphertext to its column: a
 * value copied into another column does not decrypt.
 */
public final class PersonalDataCipher {

  private final Aead aead;
  private final Mac mac;

  PersonalDataCipher(KeysetHandle aeadKeys, KeysetHandle macKeys) {
    try {
      this.aead = aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
      this.mac = macKeys.getPrimitive(RegistryConfiguration.get(), Mac.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Personal-data keys are unusable", e);
    }
  }

  /**
   * Ciphertext of {@code plain} for column {@code context} (e.g. "registration.email"); null stays
   * null.
   */
  public byte[] encrypt(String plain, String context) {
    if (plain == null) {
      return null;
    }
    try {
      return aead.encrypt(plain.getBytes(StandardCharsets.UTF_8), ad(context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(byte[] cipher, String context) {
    if (cipher == null) {
      return null;
    }
    try {
      return new String(aead.decrypt(cipher, ad(context)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed for " + context, e);
    }
  }

  /** A keyed, deterministic digest of a normalised e-mail address, for equality look-ups. */
  public String emailIndex(String email) {
    return blindIndex(email.strip().toLowerCase(Locale.ROOT), "email");
  }

  public String blindIndex(String value, String context) {
    try {
      byte[] tag = mac.computeMac((context + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Blind index failed", e);
    }
  }

  private static byte[] ad(String context) {
    return ("lectern:" + context).getBytes(StandardCharsets.UTF_8);
  }
}
