package org.lectern.learning;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follow-up surveys: the organiser's delay, who was invited and reminded, and the answers. As with
 * feedback, an anonymous answer has no registration and {@code learning_follow_up_responded} alone
 * records who has answered.
 */
@Component
record FollowUpRepository(JdbcClient jdbc) {

  static final String EXAMPLE = "learning.followUp.example";

  int months(UUID programmeId) {
    return jdbc.sql("select months from learning_follow_up_setting where programme_id = :p")
        .param("p", programmeId)
        .query(Integer.class)
        .optional()
        .orElse(FollowUpWindow.DEFAULT_MONTHS);
  }

  void setMonths(UUID programmeId, int months, Instant now) {
    jdbc.sql(
            """
            insert into learning_follow_up_setting (programme_id, months, updated_at)
            values (:p, :m, :at)
            on conflict (programme_id) do update set months = :m, updated_at = :at
            """)
        .param("p", programmeId)
        .param("m", months)
        .param("at", Timestamp.from(now))
        .update();
  }

  /** Programmes with a published session that ended before {@code before}: candidates to scan. */
  List<UUID> programmesEndedBefore(Instant before) {
    return jdbc.sql(
            """
            select distinct programme_id from session_facts
            where status = 'PUBLISHED' and ends_at < :before order by programme_id
            """)
        .param("before", Timestamp.from(before))
        .query(UUID.class)
        .list();
  }

  boolean anyInvited(UUID programmeId) {
    return jdbc.sql("select exists (select 1 from learning_follow_up_sent where programme_id = :p)")
        .param("p", programmeId)
        .query(Boolean.class)
        .single();
  }

  /** Records the invitation; false when this delegate was invited before (or a node raced). */
  boolean markInvited(UUID programmeId, UUID registrationId, Instant now) {
    return jdbc.sql(
                """
                insert into learning_follow_up_sent (programme_id, registration_id, invited_at)
                values (:p, :r, :at) on conflict do nothing
                """)
            .param("p", programmeId)
            .param("r", registrationId)
            .param("at", Timestamp.from(now))
            .update()
        == 1;
  }

  /** Invited before {@code before}, not reminded and not answered: due their one reminder. */
  List<UUID> dueReminder(UUID programmeId, Instant before) {
    return jdbc.sql(
            """
            select s.registration_id from learning_follow_up_sent s
            where s.programme_id = :p and s.reminded_at is null and s.invited_at <= :before
              and not exists (select 1 from learning_follow_up_responded d
                where d.programme_id = s.programme_id and d.registration_id = s.registration_id)
            order by s.registration_id
            """)
        .param("p", programmeId)
        .param("before", Timestamp.from(before))
        .query(UUID.class)
        .list();
  }

  /** Records the reminder; false when it was sent before (the one reminder holds across nodes). */
  boolean markReminded(UUID programmeId, UUID registrationId, Instant now) {
    return jdbc.sql(
                """
                update learning_follow_up_sent set reminded_at = :at
                where programme_id = :p and registration_id = :r and reminded_at is null
                """)
            .param("p", programmeId)
            .param("r", registrationId)
            .param("at", Timestamp.from(now))
            .update()
        == 1;
  }

  boolean markResponded(UUID programmeId, UUID registrationId) {
    return jdbc.sql(
                """
                insert into learning_follow_up_responded (programme_id, registration_id)
                values (:p, :r) on conflict do nothing
                """)
            .param("p", programmeId)
            .param("r", registrationId)
            .update()
        == 1;
  }

  boolean responded(UUID programmeId, UUID registrationId) {
    return jdbc.sql(
            """
            select exists (select 1 from learning_follow_up_responded
              where programme_id = :p and registration_id = :r)
            """)
        .param("p", programmeId)
        .param("r", registrationId)
        .query(Boolean.class)
        .single();
  }

  void insert(UUID programmeId, UUID registrationId, FollowUpForm f, byte[] example, LocalDate on) {
    jdbc.sql(
            """
            insert into learning_follow_up_answer (id, programme_id, registration_id, used, cited,
              example_sealed, answered_on)
            values (:id, :p, :r, :u, :c, :e, :on)
            """)
        .param("id", UUID.randomUUID())
        .param("p", programmeId)
        .param("r", registrationId)
        .param("u", f.used())
        .param("c", f.cited())
        .param("e", example)
        .param("on", Date.valueOf(on))
        .update();
  }

  /** Answers, how many used what they learnt (or cited it), how many cited it, invitations. */
  record Summary(int invited, int answers, int usedInPractice, int cited) {}

  Summary summary(UUID programmeId) {
    return jdbc.sql(
            """
            select (select count(*) from learning_follow_up_sent where programme_id = :p),
              count(*), count(*) filter (where used or cited), count(*) filter (where cited)
            from learning_follow_up_answer where programme_id = :p
            """)
        .param("p", programmeId)
        .query((rs, i) -> new Summary(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
        .single();
  }

  /** The sealed examples, in no particular order (never by time). */
  List<byte[]> examples(UUID programmeId) {
    return jdbc.sql(
            """
            select example_sealed from learning_follow_up_answer
            where programme_id = :p and example_sealed is not null order by id
            """)
        .param("p", programmeId)
        .query((rs, i) -> rs.getBytes(1))
        .list();
  }
}
