package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The outbox claim's plan (issue 16, thirteenth pass): prepared once per connection, PostgreSQL
 * keeps its generic plan instead of planning every claim anew, and an entry without a mail is taken
 * off the list through the primary key, never by reading the whole list.
 */
class ClaimPlanIT extends OutboxSenderFixture {

  private long dueSeqScans() {
    return jdbc.sql(
            "select seq_scan from pg_stat_xact_user_tables where relname = 'mail_outbox_due'")
        .query(Long.class)
        .single();
  }

  @Test
  void theClaimKeepsItsGenericPlanAndReadsNoWholeList() {
    transactions.executeWithoutResult(
        tx -> {
          // A backlog of 3,000 entries, as in a burst; their mails are gone (stale entries).
          jdbc.sql(
                  """
                  insert into mail_outbox_due (id, lane, next_attempt_at)
                  select gen_random_uuid(), 1, now() - n * interval '1 ms'
                  from generate_series(1, 3000) n
                  """)
              .update();
          jdbc.sql("analyze mail_outbox_due").update();
          jdbc.sql(
                  "prepare claim_plan(timestamptz) as "
                      + OutboxRepository.claimText(OutboxSender.BATCH).replace(":now", "$1"))
              .update();
          long scans = dueSeqScans();
          for (int i = 0; i < 8; i++) {
            jdbc.sql("execute claim_plan(now())").query().listOfRows();
          }
          assertThat(dueSeqScans()).as("sequential scans of the due list").isEqualTo(scans);
          long generic =
              jdbc.sql("select generic_plans from pg_prepared_statements where name = 'claim_plan'")
                  .query(Long.class)
                  .single();
          assertThat(generic).as("executions on the generic plan").isGreaterThanOrEqualTo(3);
          // The stale entries went: 8 claims of a batch each.
          assertThat(jdbc.sql("select count(*) from mail_outbox_due").query(Long.class).single())
              .isEqualTo(3000L - 8L * OutboxSender.BATCH);
          jdbc.sql("deallocate claim_plan").update();
          tx.setRollbackOnly();
        });
  }
}
