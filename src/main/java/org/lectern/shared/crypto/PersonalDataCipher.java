package org.lectern.shared.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Encrypts personal data (names, e-mails, phones, licence numbers, free text) with authenticated
 * encryption before it reaches the database, and computes keyed blind indexes so an e-mail can be
 * looked up without storing it in clear. The context string binds a ciphertext to its column: a
 * value copied into another column does not decrypt.
 */
public final class PersonalDataCipher {

  /** What {@link #decrypt} returns for a ciphertext whose programme key was destroyed. */
  public static final String SHREDDED = "";

  private final Aead aead;
  private final Mac mac;
  private final Set<Integer> installationKeyIds;

  /**
   * Per organisation, an HMAC initialised with its index key, never used itself: each index is
   * computed on a clone (issue 16: {@code Mac.getInstance}'s provider look-up and the key set-up on
   * every registration and every mail cost more than the digest).
   */
  private final Map<UUID, javax.crypto.Mac> organisationMacs = new ConcurrentHashMap<>();

  private ProgrammeKeys programmes;

  PersonalDataCipher(KeysetHandle aeadKeys, KeysetHandle macKeys) {
    try {
      this.aead = aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
      this.mac = macKeys.getPrimitive(RegistryConfiguration.get(), Mac.class);
      Set<Integer> ids = new HashSet<>();
      for (int i = 0; i < aeadKeys.size(); i++) {
        ids.add(aeadKeys.getAt(i).getId());
      }
      this.installationKeyIds = Set.copyOf(ids);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Personal-data keys are unusable", e);
    }
  }

  /** Connects the programmes' keys (ADR 0022); done once by {@link PersonalDataKeys}. */
  void useProgrammeKeys(DataSource dataSource, Path keyDirectory, Clock clock) {
    this.programmes =
        new ProgrammeKeys(
            dataSource, new KeyEncryptionKeys(keyDirectory, aead), installationKeyIds, clock);
  }

  /**
   * The cipher of one programme's personal data: everything that belongs to a programme (its
   * registrations, answers, invitations, attendance, certificates, live rooms, mails about it) is
   * encrypted with this, so that a purge can destroy it in every copy (ADR 0022). Reading needs no
   * programme: {@link #decrypt} finds the key from the ciphertext.
   */
  public ProgrammeCipher forProgramme(UUID programmeId) {
    return new ProgrammeCipher(programmeId, programmes.live(programmeId));
  }

  /**
   * Destroys the programme's data keys, everywhere the installation keeps them (ADR 0022): what was
   * encrypted under them, in the database or any copy of it, cannot be read any more ({@link
   * #decrypt} answers {@link #SHREDDED}). Returns the ids of the destroyed keys.
   */
  public List<UUID> destroyProgrammeKeys(UUID programmeId) {
    return programmes.destroy(programmeId);
  }

  /**
   * The programmes whose data keys still exist (not destroyed by a purge): a blind index is looked
   * up in each of them, since each programme indexes under its own key.
   */
  public List<UUID> programmesWithKeys() {
    return programmes.programmesWithLiveKeys();
  }

  /** The installation's AEAD, for the key files and the proof tests. */
  Aead installationAead() {
    return aead;
  }

  ProgrammeKeys programmeKeys() {
    return programmes;
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
    byte[] plain = decryptBytes(cipher, context);
    return plain == null ? SHREDDED : new String(plain, StandardCharsets.UTF_8);
  }

  /**
   * The bytes of a ciphertext made under the installation's key or a programme's (found from the
   * ciphertext); null when that programme's key was destroyed (shredded).
   */
  public byte[] decryptBytes(byte[] cipher, String context) {
    Aead key = aead;
    // Tink's ciphertexts start with 0x01 and the 4-byte id of the key that made them.
    if (programmes != null && cipher.length > 5 && cipher[0] == 1) {
      int keyId = ByteBuffer.wrap(cipher, 1, 4).getInt();
      if (!installationKeyIds.contains(keyId)) {
        var programmeKey = programmes.byKeyId(keyId);
        if (programmeKey.isPresent()) {
          if (programmeKey.get().destroyed()) {
            return null;
          }
          key = programmeKey.get().aead();
        }
      }
    }
    try {
      return key.decrypt(cipher, ad(context));
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
      javax.crypto.Mac hmac =
          (javax.crypto.Mac)
              organisationMacs.computeIfAbsent(organisationId, this::organisationMac).clone();
      byte[] tag =
          hmac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(tag);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("Blind index failed", e);
    }
  }

  private javax.crypto.Mac organisationMac(UUID organisationId) {
    try {
      byte[] derived =
          mac.computeMac(
              ("lectern:organisation-index-key\u0000" + organisationId)
                  .getBytes(StandardCharsets.UTF_8));
      javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(derived, "HmacSHA256"));
      return hmac;
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

  static byte[] ad(String context) {
    return ("lectern:" + context).getBytes(StandardCharsets.UTF_8);
  }
}
