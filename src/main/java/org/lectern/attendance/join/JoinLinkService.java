package org.lectern.attendance.join;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Personal join links ({@code /j/{token}}), one per delegate and session. The token is a keyed
 * digest of the pair, so reminders can compute it again at any time; the database keeps only its
 * SHA-256, so a copy of the database does not reveal working links.
 */
@NamedInterface("join")
@Service
public record JoinLinkService(
    JoinLinkRepository links,
    PersonalDataCipher cipher,
    Clock clock,
    @Value("${lectern.base-url}") String baseUrl) {

  /** The part of the digest used: 128 bits, after Tink's constant key prefix. */
  private static final int TOKEN_HEX = 32;

  /** A delegate's link to a session, absolute, for e-mails and "My trainings". */
  public String linkFor(UUID registrationId, UUID sessionId) {
    return baseUrl + "/j/" + tokenFor(registrationId, sessionId);
  }

  String tokenFor(UUID registrationId, UUID sessionId) {
    String digest = cipher.blindIndex(registrationId + ":" + sessionId, "attendance.join");
    String token = digest.substring(digest.length() - TOKEN_HEX);
    links.save(sha256(token), registrationId, sessionId, clock.instant());
    return token;
  }

  /** The delegate and session of a token. */
  record Link(UUID registrationId, UUID sessionId) {}

  Optional<Link> resolve(String token) {
    if (token == null || !token.matches("[0-9a-f]{" + TOKEN_HEX + "}")) {
      return Optional.empty();
    }
    return links.find(sha256(token));
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
