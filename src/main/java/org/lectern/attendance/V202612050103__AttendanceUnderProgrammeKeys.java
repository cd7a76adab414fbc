package org.lectern.attendance;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lectern.attendance.importing.ImportRepository;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.Reseal;
import org.lectern.shared.crypto.Reseal.Column;
import org.lectern.shared.crypto.Reseal.Table;
import org.springframework.stereotype.Component;

/**
 * Moves attendance names, e-mails and uploaded reports to their programme's key (ADR 0022), so that
 * a purge reaches rows written before programme keys existed.
 */
@Component
class V202612050103__AttendanceUnderProgrammeKeys extends BaseJavaMigration {

  static final List<Table> TABLES =
      List.of(
          new Table(
              "attendance_participant",
              "(select s.programme_id from session s where s.id = t.session_id)",
              List.of(
                  new Column("display_name", ImportRepository.NAME),
                  new Column("email", ImportRepository.EMAIL))),
          new Table(
              "attendance_upload",
              "(select s.programme_id from session s where s.id = t.session_id)",
              List.of(new Column("content", "attendance.upload"))));

  private final PersonalDataCipher cipher;

  V202612050103__AttendanceUnderProgrammeKeys(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Reseal.tables(context.getConnection(), cipher, TABLES);
  }
}
