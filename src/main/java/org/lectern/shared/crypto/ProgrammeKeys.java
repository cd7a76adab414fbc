package org.lectern.shared.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The programmes' data keys (ADR 0022). Each programme has one live key: a Tink AEAD keyset for its
 * personal data and a MAC keyset for its blind indexes, stored in {@code programme_data_key}
 * encrypted by a key-encryption key (KEK) kept in {@link KeyEncryptionKeys} outside the database.
 * Unwrapped keys are cached (by programme and by Tink key id), so a registration does not unwrap
 * anything; another node notices a destroyed key within {@link #RECHECK}.
 *
 * <p>Keys are read, created and destroyed on the caller's connection (in its transaction, if any:
 * holding one connection while asking the pool for another would starve it under load). A key
 * created in a transaction is shared with other threads only once that transaction commits (until
 * then they wait on the unique index), and its KEK file is deleted if it rolls back; a destroyed
 * key's file is deleted once the destruction commits. So a cached key is always one the database
 * keeps.
 */
final class ProgrammeKeys {

  static final Duration RECHECK = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A programme's unwrapped keys; {@code aead} and {@code mac} are null once destroyed. */
  record Entry(UUID id, UUID programmeId, int keyId, Aead aead, Mac mac, Instant checkedAt) {
    boolean destroyed() {
      return aead == null;
    }
  }

  private final ProgrammeKeyRepository repository;
  private final KeyEncryptionKeys keks;
  private final Set<Integer> installationKeyIds;
  private final Clock clock;
  private final Map<UUID, Entry> byProgramme = new ConcurrentHashMap<>();
  private final Map<Integer, Entry> byKeyId = new ConcurrentHashMap<>();

  ProgrammeKeys(
      DataSource dataSource, KeyEncryptionKeys keks, Set<Integer> installationKeyIds, Clock clock) {
    this.repository = new ProgrammeKeyRepository(dataSource, keks, clock);
    this.keks = keks;
    this.installationKeyIds = installationKeyIds;
    this.clock = clock;
  }

  /** The programme's live key, created on first use. */
  Entry live(UUID programmeId) {
    Entry created = createdInThisTransaction().get(programmeId);
    if (created != null) {
      return created;
    }
    Entry cached = byProgramme.get(programmeId);
    Instant now = clock.instant();
    if (cached != null && cached.checkedAt().plus(RECHECK).isAfter(now)) {
      return cached;
    }
    Optional<Entry> found = repository.live(programmeId);
    if (cached != null && !found.map(Entry::id).equals(Optional.of(cached.id()))) {
      // Destroyed elsewhere: forget the old key here too.
      byKeyId.remove(cached.keyId());
      byProgramme.remove(programmeId);
    }
    if (found.isPresent()) {
      remember(found.get());
      return found.get();
    }
    Entry e = create(programmeId);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      createdInThisTransaction().put(programmeId, e);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status == STATUS_COMMITTED) {
                remember(e);
              } else {
                keks.destroy(e.id());
              }
            }
          });
    } else {
      remember(e);
    }
    return e;
  }

  /** The key that made a ciphertext with this Tink key id; empty when no programme key has it. */
  Optional<Entry> byKeyId(int keyId) {
    Entry cached = byKeyId.get(keyId);
    if (cached != null
        && (cached.destroyed() || cached.checkedAt().plus(RECHECK).isAfter(clock.instant()))) {
      return Optional.of(cached);
    }
    Optional<Entry> e = repository.byKeyId(keyId);
    e.ifPresent(this::remember);
    return e;
  }

  /**
   * Destroys the programme's live key (the wrapped keysets in the database and the KEK file);
   * returns the ids of the destroyed keys. Data encrypted under them cannot be read any more, here
   * or from any copy. The next encryption for the programme creates a new key.
   */
  List<UUID> destroy(UUID programmeId) {
    List<Entry> gone = repository.destroy(programmeId);
    List<UUID> destroyed = gone.stream().map(Entry::id).toList();
    Runnable forget =
        () -> {
          byProgramme.remove(programmeId);
          gone.forEach(this::remember);
          destroyed.forEach(keks::destroy);
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              forget.run();
            }
          });
    } else {
      forget.run();
    }
    return destroyed;
  }

  /** The programmes that still have a live key: only their data can be looked up. */
  List<UUID> programmesWithLiveKeys() {
    return repository.programmesWithLiveKeys();
  }

  private void remember(Entry e) {
    byKeyId.put(e.keyId(), e);
    if (!e.destroyed()) {
      byProgramme.put(e.programmeId(), e);
    }
  }

  private Entry create(UUID programmeId) {
    for (int attempt = 0; attempt < 5; attempt++) {
      int keyId = RANDOM.nextInt();
      if (installationKeyIds.contains(keyId)) {
        continue;
      }
      UUID id = UUID.randomUUID();
      try {
        KeysetHandle aead =
            KeysetHandle.newBuilder()
                .addEntry(
                    KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withFixedId(keyId)
                        .makePrimary())
                .build();
        KeysetHandle mac = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
        Aead kek = keks.create(id);
        Optional<Entry> stored = repository.insert(id, programmeId, keyId, aead, mac, kek);
        if (stored.isPresent()) {
          return stored.get();
        }
        keks.destroy(id);
        // Another node or thread created the programme's key first, or the key id was taken.
        Optional<Entry> winner = repository.live(programmeId);
        if (winner.isPresent()) {
          return winner.get();
        }
      } catch (GeneralSecurityException | SQLException e) {
        throw new IllegalStateException("Cannot create the programme's key", e);
      }
    }
    throw new IllegalStateException("Cannot create the programme's key: no free key id");
  }

  /** Keys created in the current transaction, not yet shared with other threads. */
  @SuppressWarnings("unchecked")
  private Map<UUID, Entry> createdInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return Map.of();
    }
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound == null) {
      Map<UUID, Entry> m = new java.util.HashMap<>();
      TransactionSynchronizationManager.bindResource(this, m);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(ProgrammeKeys.this);
            }
          });
      return m;
    }
    return (Map<UUID, Entry>) bound;
  }
}
