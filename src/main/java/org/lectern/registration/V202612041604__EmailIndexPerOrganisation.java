package org.lectern.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Re-keys the e-mail blind indexes of registrations and invitations per organisation. Until now one
 * installation-wide index linked a person's registrations across organisations in a dump. Runs
 * once, inside Flyway's transaction, before the application serves anyone; it needs the
 * personal-data key, so it is a Spring bean that Flyway is given (not a SQL file).
 */
@Component
class V202612041604__EmailIndexPerOrganisation extends BaseJavaMigration {

  private final PersonalDataCipher cipher;

  V202612041604__EmailIndexPerOrganisation(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    reindex(context.getConnection());
  }

  /** Recomputes every index from the encrypted address; returns how many rows were re-keyed. */
  int reindex(Connection c) throws SQLException {
    return reindex(c, "registration", "registration.email")
        + reindex(c, "registration_invitation", "invitation.email");
  }

  private int reindex(Connection c, String table, String emailContext) throws SQLException {
    int n = 0;
    try (PreparedStatement select =
            c.prepareStatement(
                "select t.id, t.email, t.email_index, p.organisation_id from "
                    + table
                    + " t join programme p on p.id = t.programme_id");
        PreparedStatement update =
            c.prepareStatement("update " + table + " set email_index = ? where id = ?")) {
      select.setFetchSize(1000);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String email = cipher.decrypt(rs.getBytes("email"), emailContext);
          String index = cipher.emailIndex(email, rs.getObject("organisation_id", UUID.class));
          if (index.equals(rs.getString("email_index"))) {
            continue;
          }
          update.setString(1, index);
          update.setObject(2, rs.getObject("id", UUID.class));
          update.addBatch();
          if (++n % 500 == 0) {
            update.executeBatch();
          }
        }
      }
      update.executeBatch();
    }
    return n;
  }
}
