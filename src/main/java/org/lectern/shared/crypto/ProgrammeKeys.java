package org.lectern.shared.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
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

  private final DataSource dataSource;
  private final KeyEncryptionKeys keks;
  private final Set<Integer> installationKeyIds;
  private final Clock clock;
  private final Map<UUID, Entry> byProgramme = new ConcurrentHashMap<>();
  private final Map<Integer, Entry> byKeyId = new ConcurrentHashMap<>();

  ProgrammeKeys(
      DataSource dataSource, KeyEncryptionKeys keks, Set<Integer> installationKeyIds, Clock clock) {
    this.dataSource = dataSource;
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
    Optional<Entry> found = loadLive(programmeId);
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
    Optional<Entry> e = load("key_id = ?", ps -> ps.setInt(1, keyId)).stream().findFirst();
    e.ifPresent(this::remember);
    return e;
  }

  /**
   * Destroys the programme's live key (the wrapped keysets in the database and the KEK file);
   * returns the ids of the destroyed keys. Data encrypted under them cannot be read any more, here
   * or from any copy. The next encryption for the programme creates a new key.
   */
  List<UUID> destroy(UUID programmeId) {
    List<UUID> destroyed = new ArrayList<>();
    List<Entry> gone = new ArrayList<>();
    Connection c = connection();
    try (PreparedStatement ps =
        c.prepareStatement(
            "update programme_data_key set wrapped_aead = null, wrapped_mac = null,"
                + " destroyed_at = ? where programme_id = ? and destroyed_at is null"
                + " returning id, key_id")) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setObject(2, programmeId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          int keyId = rs.getInt(2);
          destroyed.add(id);
          gone.add(new Entry(id, programmeId, keyId, null, null, clock.instant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot destroy the programme's key", e);
    } finally {
      release(c);
    }
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

  private Optional<Entry> loadLive(UUID programmeId) {
    return load("programme_id = ? and destroyed_at is null", ps -> ps.setObject(1, programmeId))
        .stream()
        .findFirst();
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
        byte[] ad = ad(id);
        Connection c = connection();
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into programme_data_key (id, programme_id, key_id, wrapped_aead,"
                    + " wrapped_mac, created_at) values (?, ?, ?, ?, ?, ?) on conflict do"
                    + " nothing")) {
          ps.setObject(1, id);
          ps.setObject(2, programmeId);
          ps.setInt(3, keyId);
          ps.setBytes(4, TinkProtoKeysetFormat.serializeEncryptedKeyset(aead, kek, ad));
          ps.setBytes(5, TinkProtoKeysetFormat.serializeEncryptedKeyset(mac, kek, ad));
          ps.setTimestamp(6, Timestamp.from(clock.instant()));
          if (ps.executeUpdate() == 1) {
            return entry(id, programmeId, keyId, aead, mac);
          }
        } finally {
          release(c);
        }
        keks.destroy(id);
        // Another node or thread created the programme's key first, or the key id was taken.
        Optional<Entry> winner = loadLive(programmeId);
        if (winner.isPresent()) {
          return winner.get();
        }
      } catch (GeneralSecurityException | SQLException e) {
        throw new IllegalStateException("Cannot create the programme's key", e);
      }
    }
    throw new IllegalStateException("Cannot create the programme's key: no free key id");
  }

  /** The programmes that still have a live key: only their data can be looked up. */
  List<UUID> programmesWithLiveKeys() {
    List<UUID> found = new ArrayList<>();
    Connection c = connection();
    try (PreparedStatement ps =
            c.prepareStatement(
                "select programme_id from programme_data_key where destroyed_at is null");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        found.add(rs.getObject(1, UUID.class));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot list the programmes' keys", e);
    } finally {
      release(c);
    }
    return found;
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Entry> load(String where, Binder binder) {
    List<Entry> found = new ArrayList<>();
    Connection c = connection();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, programme_id, key_id, wrapped_aead, wrapped_mac from"
                + " programme_data_key where "
                + where)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          UUID programmeId = rs.getObject(2, UUID.class);
          int keyId = rs.getInt(3);
          byte[] wrappedAead = rs.getBytes(4);
          if (wrappedAead == null) {
            found.add(new Entry(id, programmeId, keyId, null, null, clock.instant()));
            continue;
          }
          Optional<Aead> kek = keks.open(id);
          if (kek.isEmpty()) {
            // The database still has the row, the key store lost the file: unreadable, as
            // destroyed.
            found.add(new Entry(id, programmeId, keyId, null, null, clock.instant()));
            continue;
          }
          byte[] ad = ad(id);
          found.add(
              entry(
                  id,
                  programmeId,
                  keyId,
                  TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedAead, kek.get(), ad),
                  TinkProtoKeysetFormat.parseEncryptedKeyset(rs.getBytes(5), kek.get(), ad)));
        }
      }
    } catch (SQLException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the programme's key", e);
    } finally {
      release(c);
    }
    return found;
  }

  private Entry entry(UUID id, UUID programmeId, int keyId, KeysetHandle aead, KeysetHandle mac)
      throws GeneralSecurityException {
    return new Entry(
        id,
        programmeId,
        keyId,
        aead.getPrimitive(RegistryConfiguration.get(), Aead.class),
        mac.getPrimitive(RegistryConfiguration.get(), Mac.class),
        clock.instant());
  }

  /** The caller's transactional connection, or a fresh one outside transactions. */
  private Connection connection() {
    return DataSourceUtils.getConnection(dataSource);
  }

  private void release(Connection c) {
    DataSourceUtils.releaseConnection(c, dataSource);
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

  private static byte[] ad(UUID id) {
    return ("lectern:programme-data-key:" + id).getBytes(StandardCharsets.UTF_8);
  }
}
