package org.lectern.certificate;

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
 * Moves certificate holders' names, licence numbers and documents to their programme's key (ADR
 * 0022), so that a purge reaches rows written before programme keys existed.
 */
@Component
class V202612050104__CertificatesUnderProgrammeKeys extends BaseJavaMigration {

  static final List<Table> TABLES =
      List.of(
          new Table(
              "certificate",
              "t.programme_id",
              List.of(
                  new Column("holder_name", CertificateRepository.NAME),
                  new Column("licence_number", "certificate.licence_number"),
                  new Column("pdf", CertificateRepository.PDF))));

  private final PersonalDataCipher cipher;

  V202612050104__CertificatesUnderProgrammeKeys(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Reseal.tables(context.getConnection(), cipher, TABLES);
  }
}
