package org.lectern.certificate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.lectern.certificate.document.Signatory;
import org.lectern.shared.database.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Per-programme certificate settings; a programme without a row uses the defaults. */
@Component
record CertificateSettingsRepository(JdbcClient jdbc) {

  CertificateSettings of(UUID programmeId) {
    return jdbc.sql(
            """
            select topic_neutral, neutral_title::text, signatories::text, logo, template,
                   template_version
            from certificate_settings where programme_id = :id
            """)
        .param("id", programmeId)
        .query(
            (rs, i) ->
                new CertificateSettings(
                    programmeId,
                    rs.getBoolean(1),
                    Json.text(rs.getString(2)),
                    Arrays.asList(Json.read(rs.getString(3), Signatory[].class)),
                    rs.getBytes(4),
                    rs.getString(5),
                    rs.getInt(6)))
        .optional()
        .orElse(CertificateSettings.defaults(programmeId));
  }

  /** Saves; the template version grows only when the template text changes. */
  void save(CertificateSettings s, Instant now) {
    jdbc.sql(
            """
            insert into certificate_settings (programme_id, topic_neutral, neutral_title,
              signatories, logo, template, template_version, updated_at)
            values (:id, :neutral, :title, :signatories, :logo, :template, 1, :now)
            on conflict (programme_id) do update set
              topic_neutral = excluded.topic_neutral, neutral_title = excluded.neutral_title,
              signatories = excluded.signatories, logo = excluded.logo,
              template = excluded.template, updated_at = excluded.updated_at,
              template_version = certificate_settings.template_version
                + case when certificate_settings.template is not distinct from excluded.template
                       then 0 else 1 end
            """)
        .param("id", s.programmeId())
        .param("neutral", s.topicNeutral())
        .param("title", Json.jsonb(s.neutralTitle()))
        .param("signatories", Json.jsonb(Json.write(s.signatories())))
        .param("logo", s.logoPng())
        .param("template", s.hasTemplate() ? s.template() : null)
        .param("now", Timestamp.from(now))
        .update();
  }
}
