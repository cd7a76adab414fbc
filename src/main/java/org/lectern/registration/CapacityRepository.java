package org.lectern.registration;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for capacity decisions: the programme's row lock that every decision of one programme queues
 * on, the seats confirmed, and the waitlist's order. No personal data.
 */
@Component
record CapacityRepository(JdbcClient jdbc) {

  /** What the capacity decision needs, read under the programme's row lock. */
  record Capacity(
      Integer capacity, boolean waitlist, boolean approvalRequired, boolean published) {}

  /**
   * Locks the programme row until the transaction ends: every capacity decision of one programme
   * (register, cancel, approve, move, capacity edits) queues here, so counting and inserting cannot
   * interleave. FOR NO KEY UPDATE still lets other rows reference the programme.
   */
  Optional<Capacity> lockProgramme(UUID programmeId) {
    return jdbc.sql(
            """
            select capacity, waitlist, approval_required, status from programme
            where id = :p for no key update
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new Capacity(
                    (Integer) rs.getObject("capacity"),
                    rs.getBoolean("waitlist"),
                    rs.getBoolean("approval_required"),
                    "PUBLISHED".equals(rs.getString("status"))))
        .optional();
  }

  int countConfirmed(UUID programmeId) {
    return jdbc.sql(
            "select count(*) from registration where programme_id = :p and status = 'CONFIRMED'")
        .param("p", programmeId)
        .query(Integer.class)
        .single();
  }

  long nextWaitlistSeq() {
    return jdbc.sql("select nextval('registration_waitlist_seq')").query(Long.class).single();
  }
}
