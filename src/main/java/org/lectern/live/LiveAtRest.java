package org.lectern.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Display names, questions, chat messages and event payloads of live rooms are stored encrypted
 * (column {@code <name>_sealed}). Rows written before that hold them in clear: at start-up this
 * seals them, in batches, and empties the clear columns. Running it twice, or on two nodes at once,
 * seals each row once (every update checks that the clear value is still there).
 */
@Component
record LiveAtRest(JdbcClient jdbc, PersonalDataCipher cipher, TransactionTemplate tx)
    implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LiveAtRest.class);
  static final int BATCH = 500;

  /** The decrypted value of {@code column}, or the clear one of a row not yet sealed. */
  static String open(PersonalDataCipher cipher, ResultSet rs, String column, String context)
      throws SQLException {
    byte[] sealed = rs.getBytes(column + "_sealed");
    return sealed == null ? rs.getString(column) : cipher.decrypt(sealed, context);
  }

  @Override
  public void run(ApplicationArguments args) {
    int sealed = sealAll();
    if (sealed > 0) {
      log.info("Encrypted {} live-room values stored in clear by an earlier version", sealed);
    }
  }

  /** Seals every clear row; returns how many rows were changed. */
  int sealAll() {
    int n = 0;
    n += sealColumn("live_participant", "id", "display_name", RoomRepository.NAME);
    n += sealColumn("live_question", "id", "author_name", QuestionRepository.AUTHOR);
    n += sealColumn("live_question", "id", "body", QuestionRepository.BODY);
    n += sealColumn("live_chat_message", "id", "author_name", FloorRepository.CHAT_AUTHOR);
    n += sealColumn("live_chat_message", "id", "body", FloorRepository.CHAT_BODY);
    n += sealEvents();
    return n;
  }

  private int sealColumn(String table, String key, String column, String context) {
    int total = 0;
    while (true) {
      Integer done =
          tx.execute(
              s -> {
                List<Object[]> rows =
                    jdbc.sql(
                            "select "
                                + key
                                + ", "
                                + column
                                + " from "
                                + table
                                + " where "
                                + column
                                + " is not null limit "
                                + BATCH
                                + " for update skip locked")
                        .query((rs, i) -> new Object[] {rs.getObject(1), rs.getString(2)})
                        .list();
                for (Object[] r : rows) {
                  jdbc.sql(
                          "update "
                              + table
                              + " set "
                              + column
                              + "_sealed = :v, "
                              + column
                              + " = null where "
                              + key
                              + " = :k and "
                              + column
                              + " is not null")
                      .param("v", cipher.encrypt((String) r[1], context))
                      .param("k", r[0])
                      .update();
                }
                return rows.size();
              });
      if (done == null || done == 0) {
        return total;
      }
      total += done;
    }
  }

  private int sealEvents() {
    int total = 0;
    while (true) {
      Integer done =
          tx.execute(
              s -> {
                List<Object[]> rows =
                    jdbc.sql(
                            """
                            select id, payload::text from live_event
                            where sealed_payload is null and type <> :clear
                              and payload <> '{}'::jsonb
                            limit :l for update skip locked
                            """)
                        .param("clear", EventLog.CLEAR_TYPE)
                        .param("l", BATCH)
                        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
                        .list();
                for (Object[] r : rows) {
                  jdbc.sql(
                          """
                          update live_event set sealed_payload = :v, payload = :empty
                          where id = :id and sealed_payload is null
                          """)
                      .param("v", cipher.encrypt((String) r[1], EventLog.PAYLOAD))
                      .param("empty", Json.jsonb("{}"))
                      .param("id", r[0])
                      .update();
                }
                return rows.size();
              });
      if (done == null || done == 0) {
        return total;
      }
      total += done;
    }
  }
}
