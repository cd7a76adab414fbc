package org.lectern.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.database.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Neutral wording per programme: e-mail subjects, calendar entries and reminders then say only
 * "Training session" and the date — no topic, programme title or organiser that could expose a
 * delegate whose mailbox or calendar is read by someone else. Mails (notification) and calendar
 * files (session) ask it before they name anything.
 */
@Service
public record ProgrammePrivacy(
    JdbcClient jdbc, ProgrammeService programmes, Clock clock, Transactions transactions) {

  public boolean neutralWording(UUID programmeId) {
    return jdbc.sql("select neutral_wording from programme_privacy where programme_id = :id")
        .param("id", programmeId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  public void setNeutralWording(LecternUser actor, UUID programmeId, boolean neutral) {
    transactions.run(
        () -> {
          programmes.manageable(actor, programmeId);
          jdbc.sql(
                  """
                  insert into programme_privacy (programme_id, neutral_wording, updated_at)
                  values (:id, :n, :now)
                  on conflict (programme_id) do update
                    set neutral_wording = excluded.neutral_wording, updated_at = excluded.updated_at
                  """)
              .param("id", programmeId)
              .param("n", neutral)
              .param("now", Timestamp.from(clock.instant()))
              .update();
        });
  }
}
