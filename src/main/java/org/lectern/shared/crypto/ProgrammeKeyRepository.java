package org.lectern.shared.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.lectern.shared.crypto.ProgrammeKeys.Entry;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The SQL of {@link ProgrammeKeys}: the rows of {@code programme_data_key}, their keysets wrapped
 * and unwrapped with the key's KEK. Always on the caller's connection (in its transaction, if any),
 * never on a second one from the pool.
 */
final class ProgrammeKeyRepository {

  private final DataSource dataSource;
  private final KeyEncryptionKeys keks;
  private final Clock clock;

  ProgrammeKeyRepository(DataSource dataSource, KeyEncryptionKeys keks, Clock clock) {
    this.dataSource = dataSource;
    this.keks = keks;
    this.clock = clock;
  }

  Optional<Entry> live(UUID programmeId) {
    return load("programme_id = ? and destroyed_at is null", ps -> ps.setObject(1, programmeId))
        .stream()
        .findFirst();
  }

  Optional<Entry> byKeyId(int keyId) {
    return load("key_id = ?", ps -> ps.setInt(1, keyId)).stream().findFirst();
  }

  /**
   * Stores a new key wrapped with its (new) KEK; empty when the programme already has a live key or
   * the key id is taken (the row was not written).
   */
  Optional<Entry> insert(
      UUID id, UUID programmeId, int keyId, KeysetHandle aead, KeysetHandle mac, Aead kek)
      throws GeneralSecurityException, SQLException {
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
        return Optional.of(entry(id, programmeId, keyId, aead, mac));
      }
      return Optional.empty();
    } finally {
      release(c);
    }
  }

  /** Drops the wrapped keysets of the programme's live key; the keys destroyed, unreadable. */
  List<Entry> destroy(UUID programmeId) {
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
          gone.add(
              new Entry(
                  rs.getObject(1, UUID.class),
                  programmeId,
                  rs.getInt(2),
                  null,
                  null,
                  clock.instant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot destroy the programme's key", e);
    } finally {
      release(c);
    }
    return gone;
  }

  /** The programmes that still have a live key. */
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

  private static byte[] ad(UUID id) {
    return ("lectern:programme-data-key:" + id).getBytes(StandardCharsets.UTF_8);
  }
}
