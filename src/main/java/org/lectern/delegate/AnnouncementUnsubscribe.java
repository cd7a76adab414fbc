package org.lectern.delegate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.notification.AnnouncementOptOuts;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who asked not to receive a programme's announcements (notification leaves them out), and the
 * signed link in each announcement that asks it (UnsubscribeController). The link carries the
 * registration id and a keyed digest of it: it can only stop announcements for that one
 * registration, it signs nobody in, and a changed or made-up link is refused without saying whether
 * such a registration exists.
 */
@Component
record AnnouncementUnsubscribe(
    JdbcClient jdbc,
    PersonalDataCipher cipher,
    Clock clock,
    @Value("${lectern.base-url}") String baseUrl)
    implements AnnouncementOptOuts {

  /** The token of a programme's registration: {@code <registration id>.<digest>}. */
  String token(UUID programmeId, UUID registrationId) {
    return registrationId + "." + digest(programmeId, registrationId);
  }

  @Override
  public String url(UUID programmeId, UUID registrationId) {
    return baseUrl + "/my/unsubscribe/" + programmeId + "/" + token(programmeId, registrationId);
  }

  /** The registration a token stands for, when it is genuine. */
  Optional<UUID> registrationOf(UUID programmeId, String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot != 36 || token.length() > 200) {
      return Optional.empty();
    }
    UUID registration;
    try {
      registration = UUID.fromString(token.substring(0, dot));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    byte[] expected =
        digest(programmeId, registration).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] given = token.substring(dot + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.security.MessageDigest.isEqual(expected, given)
        ? Optional.of(registration)
        : Optional.empty();
  }

  /** One statement: nothing to roll back, so no transaction of its own. */
  void optOut(UUID programmeId, UUID registrationId) {
    jdbc.sql(
            """
            insert into announcement_opt_out (programme_id, registration_id, created_at)
            select :p, :r, :now where exists (select 1 from programme_facts where id = :p)
            on conflict do nothing
            """)
        .param("p", programmeId)
        .param("r", registrationId)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  @Override
  public Set<UUID> of(UUID programmeId) {
    return new HashSet<>(
        jdbc.sql("select registration_id from announcement_opt_out where programme_id = :p")
            .param("p", programmeId)
            .query(UUID.class)
            .list());
  }

  private String digest(UUID programmeId, UUID registrationId) {
    return cipher.blindIndex(programmeId + ":" + registrationId, "announcement.unsubscribe");
  }
}
