package org.lectern.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for authenticator secrets, recovery codes and the organisations' second-factor policies. */
@Repository
class SecondFactorRepository {

  private final JdbcClient jdbc;

  SecondFactorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A person's authenticator secret (sealed), confirmed or still being set up. */
  record TotpRow(byte[] secret, boolean confirmed, long lastStep) {}

  Optional<TotpRow> totp(UUID userId) {
    return jdbc.sql(
            """
            select secret, confirmed_at is not null as confirmed, last_step
            from second_factor_totp where user_id = :u
            """)
        .param("u", userId)
        .query(TotpRow.class)
        .optional();
  }

  /** Starts a set-up with this secret unless one is already confirmed; false when confirmed. */
  boolean startTotp(UUID userId, byte[] sealed, Instant now) {
    return jdbc.sql(
                """
                insert into second_factor_totp (user_id, secret, created_at) values (:u, :s, :now)
                on conflict (user_id) do update set secret = excluded.secret,
                  created_at = excluded.created_at, last_step = 0
                where second_factor_totp.confirmed_at is null
                """)
            .param("u", userId)
            .param("s", sealed)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  boolean confirmTotp(UUID userId, long step, Instant now) {
    return jdbc.sql(
                """
                update second_factor_totp set confirmed_at = :now, last_step = :step
                where user_id = :u and confirmed_at is null and last_step < :step
                """)
            .param("u", userId)
            .param("step", step)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** Takes the step of a code once: false when it (or a later one) was already used. */
  /** Takes back the use of {@code step} unless a later step has been used since. */
  void unuseStep(UUID userId, long step, long before) {
    jdbc.sql("update second_factor_totp set last_step = :b where user_id = :u and last_step = :s")
        .param("u", userId)
        .param("s", step)
        .param("b", before)
        .update();
  }

  boolean useStep(UUID userId, long step) {
    return jdbc.sql(
                """
                update second_factor_totp set last_step = :step
                where user_id = :u and confirmed_at is not null and last_step < :step
                """)
            .param("u", userId)
            .param("step", step)
            .update()
        == 1;
  }

  void deleteTotp(UUID userId) {
    jdbc.sql("delete from second_factor_totp where user_id = :u").param("u", userId).update();
  }

  void replaceRecoveryCodes(UUID userId, List<byte[]> hashes) {
    deleteRecoveryCodes(userId);
    for (byte[] h : hashes) {
      jdbc.sql("insert into second_factor_recovery_code (user_id, code_hash) values (:u, :h)")
          .param("u", userId)
          .param("h", h)
          .update();
    }
  }

  void deleteRecoveryCodes(UUID userId) {
    jdbc.sql("delete from second_factor_recovery_code where user_id = :u")
        .param("u", userId)
        .update();
  }

  /** Marks an unused code used; false when there is no such unused code. */
  boolean useRecoveryCode(UUID userId, byte[] hash, Instant now) {
    return jdbc.sql(
                """
                update second_factor_recovery_code set used_at = :now
                where user_id = :u and code_hash = :h and used_at is null
                """)
            .param("u", userId)
            .param("h", hash)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** Marks a code unused again if it is still the use made at {@code usedAt}. */
  boolean unuseRecoveryCode(UUID userId, byte[] hash, Instant usedAt) {
    return jdbc.sql(
                """
                update second_factor_recovery_code set used_at = null
                where user_id = :u and code_hash = :h and used_at = :at
                """)
            .param("u", userId)
            .param("h", hash)
            .param("at", Timestamp.from(usedAt))
            .update()
        == 1;
  }

  int unusedRecoveryCodes(UUID userId) {
    return jdbc.sql(
            "select count(*) from second_factor_recovery_code where user_id = :u and used_at is null")
        .param("u", userId)
        .query(Integer.class)
        .single();
  }

  Optional<String> policy(UUID organisationId) {
    return jdbc.sql("select policy from second_factor_policy where organisation_id = :o")
        .param("o", organisationId)
        .query(String.class)
        .optional();
  }

  void setPolicy(UUID organisationId, String policy, Instant now) {
    jdbc.sql(
            """
            insert into second_factor_policy (organisation_id, policy, changed_at)
            values (:o, :p, :now)
            on conflict (organisation_id) do update set policy = excluded.policy,
              changed_at = excluded.changed_at
            """)
        .param("o", organisationId)
        .param("p", policy)
        .param("now", Timestamp.from(now))
        .update();
  }

  /**
   * Whether an organisation the person is a member of requires a second factor of them (its members
   * see personal data). Organisations without a row follow {@code fallback}. Programme roles are
   * checked by {@link SecondFactorRules} through {@link ProgrammeRoles}.
   */
  boolean requiredOfMembers(UUID userId, String fallback) {
    return jdbc.sql(
            """
            select exists (
              select 1 from organisation_member m
              left join second_factor_policy p on p.organisation_id = m.organisation_id
              where m.user_id = :u and coalesce(p.policy, :f) <> 'OFFERED'
            )
            """)
        .param("u", userId)
        .param("f", fallback)
        .query(Boolean.class)
        .single();
  }
}
