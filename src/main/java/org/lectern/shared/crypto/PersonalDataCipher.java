package org.lectern.shared.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data (names, e-mails, phones, licence numbers, free text) with authenticated
 * encryption before it reaches the database, and computes keyed blind indexes so an e-mail can be
 * looked up without storing it in clear. The context string binds a ciphertext to its column: a
 * value copied into another column does not decrypt.
 */
public final class PersonalDataCipher {

  private final Aead aead;
  private final Mac mac;
  private final Map<UUID, SecretKeySpec> organisationKeys = new ConcurrentHashMap<>();

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

  /** Ciphertext of arbitrary bytes (a serialised session attribute) for {@code context}. */
  public byte[] seal(byte[] plain, String context) {
    try {
      return aead.encrypt(plain, ad(context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  /** The bytes sealed by {@link #seal}; fails when they were changed or sealed elsewhere. */
  public byte[] unseal(byte[] cipher, String context) {
    try {
      return aead.decrypt(cipher, ad(context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed for " + context, e);
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

  /**
   * A keyed, deterministic digest of a normalised e-mail address, for equality look-ups that span
   * the installation (a delegate's sign-in). Registrations use {@link #emailIndex(String, UUID)}.
   */
  public String emailIndex(String email) {
    return blindIndex(email.strip().toLowerCase(Locale.ROOT), "email");
  }

  /**
   * The blind index of an e-mail address within one organisation: HMAC-SHA256 under a key derived
   * for that organisation from the installation's index key (the installation key's MAC of the
   * organisation id, an HKDF-expand step). The same address registered with two organisations gets
   * unrelated values, so a database dump does not link a person across organisations.
   */
  public String emailIndex(String email, UUID organisationId) {
    try {
      javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
      hmac.init(organisationKeys.computeIfAbsent(organisationId, this::organisationKey));
      byte[] tag =
          hmac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Blind index failed", e);
    }
  }

  private SecretKeySpec organisationKey(UUID organisationId) {
    try {
      byte[] derived =
          mac.computeMac(
              ("lectern:organisation-index-key\u0000" + organisationId)
                  .getBytes(StandardCharsets.UTF_8));
      return new SecretKeySpec(derived, "HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Key derivation failed", e);
    }
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
