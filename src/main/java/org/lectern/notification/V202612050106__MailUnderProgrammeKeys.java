package org.lectern.notification;

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
 * Moves mail about a programme (addresses, subjects, bodies, attachments) to the programme's key
 * (ADR 0022), so that a purge reaches rows written before programme keys existed.
 */
@Component
class V202612050106__MailUnderProgrammeKeys extends BaseJavaMigration {

  private static final String ABOUT =
      "coalesce((select id from programme where id = RELATED),"
          + " (select programme_id from registration where id = RELATED),"
          + " (select programme_id from session where id = RELATED),"
          + " (select programme_id from registration_request where id = RELATED))";

  static final List<Table> TABLES =
      List.of(
          new Table(
              "mail_outbox",
              ABOUT.replace("RELATED", "t.related_id"),
              List.of(
                  new Column("recipient", OutboxRepository.TO),
                  new Column("subject", OutboxRepository.SUBJECT),
                  new Column("body_text", OutboxRepository.TEXT),
                  new Column("body_html", OutboxRepository.HTML),
                  new Column("unsubscribe_url", OutboxRepository.UNSUBSCRIBE))),
          new Table(
              "mail_attachment",
              ABOUT.replace(
                  "RELATED", "(select m.related_id from mail_outbox m where m.id = t.mail_id)"),
              List.of(new Column("content", OutboxRepository.ATTACHMENT))));

  private final PersonalDataCipher cipher;

  V202612050106__MailUnderProgrammeKeys(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Reseal.tables(context.getConnection(), cipher, TABLES);
  }
}
