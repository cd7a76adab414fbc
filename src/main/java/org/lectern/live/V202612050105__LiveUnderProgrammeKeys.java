package org.lectern.live;

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
 * Moves live-room names, questions, chat and events to their programme's key (ADR 0022), so that a
 * purge reaches rows written before programme keys existed.
 */
@Component
class V202612050105__LiveUnderProgrammeKeys extends BaseJavaMigration {

  static final List<Table> TABLES =
      List.of(
          new Table(
              "live_participant",
              "(select s.programme_id from session s where s.id = t.session_id)",
              List.of(new Column("display_name_sealed", RoomRepository.NAME))),
          new Table(
              "live_question",
              "(select s.programme_id from session s where s.id = t.session_id)",
              List.of(
                  new Column("author_name_sealed", QuestionRepository.AUTHOR),
                  new Column("body_sealed", QuestionRepository.BODY))),
          new Table(
              "live_chat_message",
              "(select s.programme_id from session s where s.id = t.session_id)",
              List.of(
                  new Column("author_name_sealed", FloorRepository.CHAT_AUTHOR),
                  new Column("body_sealed", FloorRepository.CHAT_BODY))),
          new Table(
              "live_event",
              "(select s.programme_id from session s where s.id = t.session_id)",
              List.of(new Column("sealed_payload", EventLog.PAYLOAD))));

  private final PersonalDataCipher cipher;

  V202612050105__LiveUnderProgrammeKeys(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Reseal.tables(context.getConnection(), cipher, TABLES);
  }
}
