package org.lectern.attendance.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reports uploaded in the back office and kept, encrypted, between preview and confirm. They expire
 * after a few hours; confirming deletes them.
 */
@Component
record UploadRepository(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {

  static final Duration LIFETIME = Duration.ofHours(6);
  private static final String CONTENT = "attendance.upload";

  /** An upload waiting for confirmation. */
  record Upload(
      UUID id,
      UUID sessionId,
      String fileName,
      byte[] content,
      String hash,
      ImportChoices choices) {}

  UUID store(UUID sessionId, UUID actor, String fileName, byte[] content, String hash) {
    UUID id = UUID.randomUUID();
    var now = clock.instant();
    jdbc.sql("delete from attendance_upload where expires_at < :now")
        .param("now", Timestamp.from(now))
        .update();
    jdbc.sql(
            """
            insert into attendance_upload (id, session_id, uploaded_by, file_name, content,
              content_hash, created_at, expires_at)
            values (:id, :s, :u, :name, :content, :hash, :now, :exp)
            """)
        .param("id", id)
        .param("s", sessionId)
        .param("u", actor)
        .param("name", fileName)
        .param(
            "content",
            cipher
                .forProgramme(
                    jdbc.sql("select programme_id from session_facts where id = :s")
                        .param("s", sessionId)
                        .query(UUID.class)
                        .single())
                .encrypt(java.util.Base64.getEncoder().encodeToString(content), CONTENT))
        .param("hash", hash)
        .param("now", Timestamp.from(now))
        .param("exp", Timestamp.from(now.plus(LIFETIME)))
        .update();
    return id;
  }

  Optional<Upload> find(UUID id, UUID sessionId) {
    return jdbc.sql(
            """
            select id, session_id, file_name, content, content_hash, time_zone, day_order, meeting
            from attendance_upload where id = :id and session_id = :s and expires_at >= :now
            """)
        .param("id", id)
        .param("s", sessionId)
        .param("now", Timestamp.from(clock.instant()))
        .query(
            (rs, i) ->
                new Upload(
                    rs.getObject("id", UUID.class),
                    rs.getObject("session_id", UUID.class),
                    rs.getString("file_name"),
                    java.util.Base64.getDecoder()
                        .decode(cipher.decrypt(rs.getBytes("content"), CONTENT)),
                    rs.getString("content_hash"),
                    ImportChoices.parse(
                        rs.getString("time_zone"),
                        rs.getString("day_order"),
                        rs.getString("meeting"))))
        .optional();
  }

  void choose(UUID id, ImportChoices choices) {
    jdbc.sql(
            "update attendance_upload set time_zone = :z, day_order = :d, meeting = :m where id = :id")
        .param("z", choices.zone().map(Object::toString).orElse(null))
        .param("d", choices.dayOrder().map(Enum::name).orElse(null))
        .param("m", choices.meeting().orElse(null))
        .param("id", id)
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("delete from attendance_upload where id = :id").param("id", id).update();
  }
}
