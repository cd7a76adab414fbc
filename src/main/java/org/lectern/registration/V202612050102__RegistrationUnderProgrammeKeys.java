package org.lectern.registration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.Reseal;
import org.lectern.shared.crypto.Reseal.Column;
import org.lectern.shared.crypto.Reseal.Table;
import org.springframework.stereotype.Component;

/**
 * Moves registrations, invitations, answers and pending requests written under the installation's
 * key to their programme's key, and their e-mail blind indexes to the programme's MAC key (ADR
 * 0022), so that a purge reaches rows older than programme keys.
 */
@Component
class V202612050102__RegistrationUnderProgrammeKeys extends BaseJavaMigration {

  static final List<Table> TABLES =
      List.of(
          new Table(
              "registration",
              "t.programme_id",
              List.of(
                  new Column("email", "registration.email"),
                  new Column("full_name", "registration.fullName"),
                  new Column("phone", "registration.phone"),
                  new Column("town", "registration.town"),
                  new Column("licence_number", "registration.licenceNumber"),
                  new Column("accessibility", "registration.accessibility"),
                  new Column("decision_message", "registration.decisionMessage")),
              "email_index",
              "email"),
          new Table(
              "registration_invitation",
              "t.programme_id",
              List.of(
                  new Column("email", "invitation.email"),
                  new Column("full_name", "invitation.fullName")),
              "email_index",
              "email"),
          new Table(
              "registration_answer",
              "(select r.programme_id from registration r where r.id = t.registration_id)",
              List.of(new Column("text_value", "registration.answer"))),
          new Table(
              "registration_request",
              "t.programme_id",
              List.of(new Column("entry", "registration_request.entry"))));

  private final PersonalDataCipher cipher;

  V202612050102__RegistrationUnderProgrammeKeys(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    reseal(context.getConnection());
  }

  int reseal(Connection c) throws SQLException {
    return Reseal.tables(c, cipher, TABLES);
  }
}
