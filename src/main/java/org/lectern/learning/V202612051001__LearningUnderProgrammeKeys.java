package org.lectern.learning;

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
 * Moves feedback comments (free text a delegate wrote) to their programme's key (ADR 0022), so that
 * a purge reaches comments written while they were sealed under the installation's key.
 */
@Component
class V202612051001__LearningUnderProgrammeKeys extends BaseJavaMigration {

  static final List<Table> TABLES =
      List.of(
          new Table(
              "learning_survey_answer",
              "t.programme_id",
              List.of(new Column("comment_sealed", SurveyRepository.COMMENT))));

  private final PersonalDataCipher cipher;

  V202612051001__LearningUnderProgrammeKeys(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Reseal.tables(context.getConnection(), cipher, TABLES);
  }
}
