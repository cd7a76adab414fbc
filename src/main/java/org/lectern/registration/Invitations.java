package org.lectern.registration;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.crypto.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Personal registration links for invitation-only programmes. Only a hash of the token is stored.
 * Invitees are listed with whether they opened their link and whether they registered.
 */
@Component
record Invitations(JdbcClient jdbc, PersonalDataCipher cipher) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Creates (or renews) an invitation and returns its secret token, shown once. */
  String invite(UUID programmeId, String email, String fullName, String language) {
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    jdbc.sql(
            """
            insert into registration_invitation
              (id, programme_id, token_hash, email_index, email, full_name, language)
            values (:id, :p, :h, :ei, :e, :n, :l)
            on conflict (programme_id, email_index) do update set token_hash = excluded.token_hash
            """)
        .param("id", UUID.randomUUID())
        .param("p", programmeId)
        .param("h", hash(token))
        .param("ei", cipher.forProgramme(programmeId).emailIndex(email))
        .param("e", cipher.forProgramme(programmeId).encrypt(email.strip(), "invitation.email"))
        .param("n", cipher.forProgramme(programmeId).encrypt(fullName, "invitation.fullName"))
        .param("l", language)
        .update();
    return token;
  }

  /** The invitation a token opens for this programme. */
  Optional<UUID> valid(UUID programmeId, String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select id from registration_invitation where programme_id = :p and token_hash = :h")
        .param("p", programmeId)
        .param("h", hash(token.strip()))
        .query(UUID.class)
        .optional();
  }

  /** One invitation as the organiser sees it (decrypted; listing it is audited by the caller). */
  /** As listed for the organiser. */
  public record Sent(
      UUID id,
      String fullName,
      String email,
      String language,
      java.time.Instant invitedAt,
      java.time.Instant openedAt,
      java.time.Instant registeredAt) {}

  java.util.List<Sent> of(UUID programmeId) {
    return jdbc.sql(
            """
            select id, full_name, email, language, created_at, opened_at, registered_at
            from registration_invitation where programme_id = :p order by created_at, id
            """)
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new Sent(
                    rs.getObject("id", UUID.class),
                    cipher.decrypt(rs.getBytes("full_name"), "invitation.fullName"),
                    cipher.decrypt(rs.getBytes("email"), "invitation.email"),
                    rs.getString("language"),
                    instant(rs.getTimestamp("created_at")),
                    instant(rs.getTimestamp("opened_at")),
                    instant(rs.getTimestamp("registered_at"))))
        .list();
  }

  private static java.time.Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** Invitation id of an e-mail address on a programme, if invited. */
  Optional<UUID> ofEmail(UUID programmeId, String email) {
    return jdbc.sql(
            "select id from registration_invitation where programme_id = :p and email_index = :e")
        .param("p", programmeId)
        .param("e", cipher.forProgramme(programmeId).emailIndex(email))
        .query(UUID.class)
        .optional();
  }

  void markOpened(UUID invitationId) {
    jdbc.sql(
            "update registration_invitation set opened_at = now() where id = :i and opened_at is null")
        .param("i", invitationId)
        .update();
  }

  void markRegistered(UUID invitationId) {
    jdbc.sql("update registration_invitation set registered_at = now() where id = :i")
        .param("i", invitationId)
        .update();
  }

  private static byte[] hash(String token) {
    return Sha256.bytes(token);
  }
}
