package org.lectern.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Personal registration links for invitation-only programmes. Only a hash of the token is stored.
 * (The CSV upload of invitees and the sending of links come later.)
 */
@Component
class Invitations {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  Invitations(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

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
        .param("ei", cipher.emailIndex(email))
        .param("e", cipher.encrypt(email.strip(), "invitation.email"))
        .param("n", cipher.encrypt(fullName, "invitation.fullName"))
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
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
