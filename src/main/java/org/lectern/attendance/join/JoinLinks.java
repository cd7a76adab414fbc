package org.lectern.attendance.join;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Personal join links ({@code /j/{token}}), one per delegate and session. The token is a keyed
 * digest of the pair, so reminders can compute it again at any time; the database keeps only its
 * SHA-256, so a copy of the database does not reveal working links.
 */
@NamedInterface("join")
@Service
public class JoinLinks {

  /** The part of the digest used: 128 bits, after Tink's constant key prefix. */
  private static final int TOKEN_HEX = 32;

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final Clock clock;
  private final String baseUrl;

  JoinLinks(
      JdbcClient jdbc,
      PersonalDataCipher cipher,
      Clock clock,
      @Value("${lectern.base-url}") String baseUrl) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /** A delegate's link to a session, absolute, for e-mails and "My trainings". */
  public String linkFor(UUID registrationId, UUID sessionId) {
    return baseUrl + "/j/" + tokenFor(registrationId, sessionId);
  }

  String tokenFor(UUID registrationId, UUID sessionId) {
    String digest = cipher.blindIndex(registrationId + ":" + sessionId, "attendance.join");
    String token = digest.substring(digest.length() - TOKEN_HEX);
    jdbc.sql(
            """
            insert into attendance_join_link (token_hash, registration_id, session_id, created_at)
            values (:h, :r, :s, :at) on conflict do nothing
            """)
        .param("h", sha256(token))
        .param("r", registrationId)
        .param("s", sessionId)
        .param("at", Timestamp.from(clock.instant()))
        .update();
    return token;
  }

  /** The delegate and session of a token. */
  record Link(UUID registrationId, UUID sessionId) {}

  Optional<Link> resolve(String token) {
    if (token == null || !token.matches("[0-9a-f]{" + TOKEN_HEX + "}")) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select registration_id, session_id from attendance_join_link where token_hash = :h")
        .param("h", sha256(token))
        .query((rs, i) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .optional();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
