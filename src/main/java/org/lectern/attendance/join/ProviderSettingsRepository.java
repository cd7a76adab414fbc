package org.lectern.attendance.join;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Video provider settings per programme; the BigBlueButton secret is stored encrypted. */
@Component
public record ProviderSettingsRepository(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {

  private static final String SECRET = "attendance.bbbSecret";

  public ProviderSettings of(UUID programmeId) {
    return jdbc.sql(
            "select jitsi_server, jitsi_embed, bbb_server, bbb_secret from attendance_provider"
                + " where programme_id = :p")
        .param("p", programmeId)
        .query(
            (rs, i) ->
                new ProviderSettings(
                    rs.getString(1),
                    rs.getBoolean(2),
                    rs.getString(3),
                    cipher.decrypt(rs.getBytes(4), SECRET)))
        .optional()
        .orElse(ProviderSettings.none());
  }

  /** Saves; a blank secret keeps the one stored (the form never shows it). */
  public void save(UUID programmeId, ProviderSettings s) {
    jdbc.sql(
            """
            insert into attendance_provider (programme_id, jitsi_server, jitsi_embed, bbb_server,
              bbb_secret, updated_at)
            values (:p, :js, :je, :bs, :sec, :at)
            on conflict (programme_id) do update set jitsi_server = excluded.jitsi_server,
              jitsi_embed = excluded.jitsi_embed, bbb_server = excluded.bbb_server,
              bbb_secret = coalesce(excluded.bbb_secret, attendance_provider.bbb_secret),
              updated_at = excluded.updated_at
            """)
        .param("p", programmeId)
        .param("js", s.jitsiServer())
        .param("je", s.jitsiEmbed())
        .param("bs", s.bbbServer())
        .param(
            "sec",
            s.bbbSecret() == null || s.bbbSecret().isBlank()
                ? null
                : cipher.encrypt(s.bbbSecret(), SECRET))
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }
}
