package org.lectern.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for pending invitations to organisations (table organisation_invitation). The typed address
 * and name are sealed at rest with the personal-data key, as the accounts' own (ADR 0022).
 */
@Component
record OrganisationInvitationRepository(JdbcClient jdbc, PersonalDataCipher cipher) {

  static final String EMAIL = "organisation_invitation.email";
  static final String NAME = "organisation_invitation.fullName";

  private static final String COLUMNS =
      "id, organisation_id, user_id, email, full_name, role, language, round, created_at,"
          + " expires_at";

  /**
   * Stores the invitation, or refreshes the one of this organisation and account (one row per pair,
   * also under concurrent inserts): the typed address, name, role and language, a new round and
   * expiry, the old link spent. Returns the row.
   */
  OrganisationInvitation upsert(
      UUID organisationId,
      UUID userId,
      String email,
      String fullName,
      OrganisationRole role,
      String language,
      UUID invitedBy,
      Instant now,
      Instant expiresAt) {
    return jdbc.sql(
            """
            insert into organisation_invitation (id, organisation_id, user_id, email, full_name,
              role, language, invited_by, round, created_at, expires_at)
            values (:id, :o, :u, :e, :n, :r, :l, :by, :round, :now, :exp)
            on conflict (organisation_id, user_id) do update set email = excluded.email,
              full_name = excluded.full_name, role = excluded.role, language = excluded.language,
              invited_by = excluded.invited_by, round = excluded.round,
              created_at = excluded.created_at, expires_at = excluded.expires_at,
              token_hash = null
            returning\s"""
                + COLUMNS)
        .param("id", UUID.randomUUID())
        .param("o", organisationId)
        .param("u", userId)
        .param("e", cipher.encrypt(email, EMAIL))
        .param("n", cipher.encrypt(fullName, NAME))
        .param("r", role.name())
        .param("l", language)
        .param("by", invitedBy)
        .param("round", UUID.randomUUID())
        .param("now", Timestamp.from(now))
        .param("exp", Timestamp.from(expiresAt))
        .query(this::map)
        .single();
  }

  /** The organisation's invitations that have not expired, oldest first. */
  List<OrganisationInvitation> pending(UUID organisationId, Instant now) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from organisation_invitation where organisation_id = :o and expires_at > :now"
                + " order by created_at, id")
        .param("o", organisationId)
        .param("now", Timestamp.from(now))
        .query(this::map)
        .list();
  }

  Optional<OrganisationInvitation> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from organisation_invitation where id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** The unexpired invitation of this link, locked until the transaction ends. */
  Optional<OrganisationInvitation> byToken(byte[] tokenHash, Instant now) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from organisation_invitation where token_hash = :h and expires_at > :now"
                + " for update")
        .param("h", tokenHash)
        .param("now", Timestamp.from(now))
        .query(this::map)
        .optional();
  }

  /** Sets the link's digest once per round (a redelivered event finds it set). */
  boolean setToken(UUID id, UUID round, byte[] tokenHash) {
    return jdbc.sql(
                "update organisation_invitation set token_hash = :h where id = :id and round = :r"
                    + " and token_hash is null")
            .param("h", tokenHash)
            .param("id", id)
            .param("r", round)
            .update()
        == 1;
  }

  boolean delete(UUID id) {
    return jdbc.sql("delete from organisation_invitation where id = :id").param("id", id).update()
        == 1;
  }

  private OrganisationInvitation map(ResultSet rs, int row) throws SQLException {
    return new OrganisationInvitation(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("user_id", UUID.class),
        cipher.decrypt(rs.getBytes("email"), EMAIL),
        cipher.decrypt(rs.getBytes("full_name"), NAME),
        OrganisationRole.parse(rs.getString("role")).orElseThrow(),
        rs.getString("language"),
        rs.getObject("round", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant());
  }
}
