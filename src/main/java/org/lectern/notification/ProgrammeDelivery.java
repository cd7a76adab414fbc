package org.lectern.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How a programme's mail is getting out: counts by kind and state, the addresses that do not
 * receive it, retrying what failed and releasing what was held.
 */
@Repository
class ProgrammeDelivery {

  /** Counts of one kind of mail: waiting, retrying after a temporary failure, and so on. */
  record Counts(
      String kind, int queued, int deferred, int sent, int failed, int bounced, int held) {

    int total() {
      return queued + deferred + sent + failed + bounced + held;
    }
  }

  /** An address some of the programme's mail did not reach, with one of its messages' ids. */
  record Problem(String address, UUID mailId, int messages, MailStatus status, String lastError) {}

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  ProgrammeDelivery(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  List<Counts> counts(UUID programmeId) {
    return jdbc.sql(
            """
            select kind,
              count(*) filter (where status = 'PENDING' and attempts = 0) as queued,
              count(*) filter (where status = 'PENDING' and attempts > 0) as deferred,
              count(*) filter (where status = 'SENT') as sent,
              count(*) filter (where status = 'FAILED') as failed,
              count(*) filter (where status = 'BOUNCED') as bounced,
              count(*) filter (where status = 'HELD') as held
            from mail_outbox where programme_id = :p group by kind order by kind
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new Counts(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getInt(7)))
        .list();
  }

  /**
   * The programme's mail that failed, bounced or is held, grouped by address (decrypted): the mails
   * on the list of problems ({@code mail_outbox_problem}), not all of the programme's.
   */
  List<Problem> problems(UUID programmeId, int limit) {
    Map<String, Problem> byAddress = new LinkedHashMap<>();
    jdbc.sql(
            """
            select id, recipient, status, last_error from mail_outbox
            where id in (select id from mail_outbox_problem where programme_id = :p)
              and programme_id = :p and status in ('FAILED', 'BOUNCED', 'HELD')
            order by created_at desc, id limit 5000
            """)
        .param("p", programmeId)
        .query(
            (rs, i) -> {
              String to = cipher.decrypt(rs.getBytes(2), OutboxRepository.TO);
              String key = to.strip().toLowerCase(Locale.ROOT);
              Problem known = byAddress.get(key);
              if (known == null) {
                if (byAddress.size() < limit) {
                  byAddress.put(
                      key,
                      new Problem(
                          to,
                          rs.getObject(1, UUID.class),
                          1,
                          MailStatus.valueOf(rs.getString(3)),
                          rs.getString(4)));
                }
              } else {
                byAddress.put(
                    key,
                    new Problem(
                        known.address(),
                        known.mailId(),
                        known.messages() + 1,
                        known.status(),
                        known.lastError()));
              }
              return null;
            })
        .list();
    return new ArrayList<>(byAddress.values());
  }

  /** Failed mail of the programme is tried again from now, as if new; returns how many. */
  int retryFailed(UUID programmeId, Instant now) {
    return jdbc.sql(
            """
            with again as (
              update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now,
                last_error = null, failure_code = 0
              where programme_id = :p and status = 'FAILED' returning id, lane),
            due as (
              insert into mail_outbox_due (id, lane, next_attempt_at)
              select id, lane, :now from again on conflict (id) do update set next_attempt_at = :now),
            solved as (delete from mail_outbox_problem where id in (select id from again))
            select cast(count(*) as int) from again
            """)
        .param("p", programmeId)
        .param("now", Timestamp.from(now))
        .query(Integer.class)
        .single();
  }

  /**
   * Mail of the organisation to this address goes out again: held, failed and bounced messages are
   * queued from now. Returns how many. Looked for on the list of problems: the outbox has no index
   * on the organisation, so this read the whole outbox.
   */
  int release(UUID organisationId, String address, Instant now) {
    String wanted = address.strip().toLowerCase(Locale.ROOT);
    List<UUID> theirs =
        jdbc
            .sql(
                """
                select id, recipient from mail_outbox
                where id in (select id from mail_outbox_problem)
                  and organisation_id = :org and status in ('HELD', 'FAILED', 'BOUNCED')
                """)
            .param("org", organisationId)
            .query(
                (rs, i) -> {
                  String to = cipher.decrypt(rs.getBytes(2), OutboxRepository.TO);
                  return wanted.equals(to.strip().toLowerCase(Locale.ROOT))
                      ? rs.getObject(1, UUID.class)
                      : null;
                })
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    if (theirs.isEmpty()) {
      return 0;
    }
    // Bounced mail was delivered once; only mail never delivered goes again.
    return jdbc.sql(
            """
            with again as (
              update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now,
                last_error = null, failure_code = 0
              where id in (:ids) and status in ('HELD', 'FAILED') returning id, lane),
            due as (
              insert into mail_outbox_due (id, lane, next_attempt_at)
              select id, lane, :now from again on conflict (id) do update set next_attempt_at = :now),
            solved as (delete from mail_outbox_problem where id in (select id from again))
            select cast(count(*) as int) from again
            """)
        .param("ids", theirs)
        .param("now", Timestamp.from(now))
        .query(Integer.class)
        .single();
  }
}
