package org.lectern.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Links the audit entries written before the chain existed, oldest first, with the same encoding as
 * {@link AuditChain} (a Java migration, because SQL would need a second implementation of it).
 */
@Component
class V202612042101__ChainAuditEntries extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    chain(context.getConnection());
  }

  int chain(Connection c) throws SQLException {
    long seq = 0;
    String previous = ChainLink.GENESIS;
    try (PreparedStatement select =
            c.prepareStatement(
                "select "
                    + ChainLink.COLUMNS
                    + " from audit_entry where chain_seq is null order by at, id");
        PreparedStatement update =
            c.prepareStatement(
                "update audit_entry set chain_seq = ?, prev_hash = ?, hash = ? where id = ?")) {
      select.setFetchSize(1000);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ChainLink link = ChainLink.of(rs, ++seq);
          String hash = link.hash(previous);
          update.setLong(1, seq);
          update.setString(2, previous);
          update.setString(3, hash);
          update.setObject(4, link.id());
          update.addBatch();
          previous = hash;
          if (seq % 500 == 0) {
            update.executeBatch();
          }
        }
      }
      update.executeBatch();
    }
    if (seq > 0) {
      try (PreparedStatement head =
          c.prepareStatement(
              "insert into audit_chain_head (id, chain_seq, hash) values (1, ?, ?)")) {
        head.setLong(1, seq);
        head.setString(2, previous);
        head.executeUpdate();
      }
    }
    return (int) seq;
  }
}
