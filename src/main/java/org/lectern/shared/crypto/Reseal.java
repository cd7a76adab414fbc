package org.lectern.shared.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Re-encrypts rows written before programme keys existed (ADR 0022) under their programme's key, so
 * that a purge reaches them too, and recomputes an e-mail blind index under the programme's MAC
 * key. Used by the features' Java migrations; runs on Flyway's connection, in its transaction. A
 * value already under its programme's current key is left alone, so a run can be repeated.
 */
public final class Reseal {

  /** A bytea column and its encryption context. */
  public record Column(String name, String context) {}

  /**
   * A table's sealed columns. {@code programme} is an SQL expression over alias {@code t} giving
   * the row's programme (rows without one keep the installation key); {@code emailIndex}, when set,
   * is recomputed from the clear value of {@code emailColumn} unless it marks a removed row.
   */
  public record Table(
      String name, String programme, List<Column> columns, String emailIndex, String emailColumn) {

    public Table(String name, String programme, List<Column> columns) {
      this(name, programme, columns, null, null);
    }
  }

  private Reseal() {}

  /** Re-encrypts every table; returns how many rows changed. */
  public static int tables(Connection c, PersonalDataCipher cipher, List<Table> tables)
      throws SQLException {
    int n = 0;
    for (Table t : tables) {
      n += table(c, cipher, t);
    }
    return n;
  }

  private static int table(Connection c, PersonalDataCipher cipher, Table t) throws SQLException {
    StringBuilder select = new StringBuilder("select t.ctid::text, ").append(t.programme());
    StringBuilder update = new StringBuilder("update ").append(t.name()).append(" set ");
    for (int i = 0; i < t.columns().size(); i++) {
      select.append(", t.").append(t.columns().get(i).name());
      update.append(i == 0 ? "" : ", ").append(t.columns().get(i).name()).append(" = ?");
    }
    if (t.emailIndex() != null) {
      select.append(", t.").append(t.emailIndex());
      update.append(", ").append(t.emailIndex()).append(" = ?");
    }
    select.append(" from ").append(t.name()).append(" t");
    update.append(" where ctid = ?::tid");
    int n = 0;
    try (PreparedStatement s = c.prepareStatement(select.toString());
        PreparedStatement u = c.prepareStatement(update.toString())) {
      s.setFetchSize(500);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          UUID programmeId = rs.getObject(2, UUID.class);
          if (programmeId == null) {
            continue;
          }
          ProgrammeCipher target = cipher.forProgramme(programmeId);
          boolean changed = false;
          int p = 1;
          String email = null;
          for (int i = 0; i < t.columns().size(); i++) {
            Column col = t.columns().get(i);
            byte[] sealed = rs.getBytes(3 + i);
            byte[] out = sealed;
            if (sealed != null) {
              String clear = cipher.decrypt(sealed, col.context());
              if (col.name().equals(t.emailColumn())) {
                email = clear;
              }
              if (!target.owns(sealed)) {
                out = target.encrypt(clear, col.context());
                changed = true;
              }
            }
            u.setBytes(p++, out);
          }
          if (t.emailIndex() != null) {
            String index = rs.getString(3 + t.columns().size());
            String fresh =
                index == null || index.startsWith("removed:") || email == null || email.isBlank()
                    ? index
                    : target.emailIndex(email);
            changed |= fresh != null && !fresh.equals(index);
            u.setString(p++, fresh);
          }
          if (changed) {
            u.setString(p, rs.getString(1));
            u.addBatch();
            if (++n % 500 == 0) {
              u.executeBatch();
            }
          }
        }
      }
      u.executeBatch();
    }
    return n;
  }
}
