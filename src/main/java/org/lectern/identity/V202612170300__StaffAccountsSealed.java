package org.lectern.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Seals staff accounts' addresses and names (ADR 0022, amendment "staff accounts"): every row's
 * {@code email} and {@code full_name} are encrypted with the installation's personal-data key, the
 * address gets its blind index, and the clear columns are dropped (the unique index on the
 * lower-cased address goes with them; one on the blind index keeps one account per address), and
 * the table is rewritten so that its stored rows no longer hold them. Runs in Flyway's transaction
 * before anyone is served; it needs the key, so it is a Spring bean. Not expand/contract: a node of
 * an earlier release fails on these columns rather than reading or writing an address in clear
 * (stop every node for this upgrade, CHANGELOG.md).
 */
@Component
class V202612170300__StaffAccountsSealed extends BaseJavaMigration {

  private final AccountSeal seal;

  V202612170300__StaffAccountsSealed(AccountSeal seal) {
    this.seal = seal;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    seal(context.getConnection());
  }

  /** Seals every row and drops the clear columns; returns how many rows were sealed. */
  int seal(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "alter table app_user add column email_index text, add column email_sealed bytea,"
              + " add column full_name_sealed bytea");
    }
    int n = 0;
    try (PreparedStatement select =
            c.prepareStatement("select id, email, full_name from app_user");
        PreparedStatement update =
            c.prepareStatement(
                "update app_user set email_index = ?, email_sealed = ?, full_name_sealed = ?"
                    + " where id = ?")) {
      select.setFetchSize(500);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String email = rs.getString("email");
          update.setString(1, seal.emailIndex(email));
          update.setBytes(2, seal.sealEmail(email));
          update.setBytes(3, seal.sealName(rs.getString("full_name")));
          update.setObject(4, rs.getObject("id", UUID.class));
          update.addBatch();
          if (++n % 500 == 0) {
            update.executeBatch();
          }
        }
      }
      update.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute("alter table app_user drop column email, drop column full_name");
      s.execute("alter table app_user rename column email_sealed to email");
      s.execute("alter table app_user rename column full_name_sealed to full_name");
      s.execute(
          "alter table app_user alter column email set not null,"
              + " alter column full_name set not null, alter column email_index set not null");
      // Two accounts whose addresses differ only in a case PostgreSQL's lower() left alone would
      // fail here, naming no address: merge or rename one and start again.
      s.execute("create unique index app_user_email_index_uk on app_user (email_index)");
      // A dropped column stays in every stored row (the updates above copied it, too) until the
      // table is rewritten; a rewrite writes it as null. VACUUM FULL cannot run in a transaction,
      // CLUSTER of one table can.
      s.execute("cluster app_user using app_user_pkey");
    }
    return n;
  }
}
