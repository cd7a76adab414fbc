package org.lectern.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Materials of sessions (their bytes sealed unless public) and delegates' downloads. */
@Component
record MaterialRepository(JdbcClient jdbc) {

  /** The associated data of sealed file contents (column {@code learning_material.content}). */
  static final String SEALED_CONTENT = "learning.material";

  private static final String COLUMNS =
      """
      m.id, m.session_id, m.programme_id, m.title, m.file_name, m.content_type, m.size_bytes,
      m.access, m.uploaded_at,
      (select count(*) from learning_material_download d where d.material_id = m.id) as downloads
      """;

  record Stored(
      UUID id,
      UUID sessionId,
      UUID programmeId,
      String title,
      String fileName,
      String contentType,
      long size,
      String sha256,
      RecordingAccess access,
      boolean sealed,
      byte[] content,
      UUID uploadedBy,
      Instant at) {}

  void insert(Stored s) {
    jdbc.sql(
            """
            insert into learning_material (id, session_id, programme_id, title, file_name,
              content_type, size_bytes, sha256, access, sealed, content, uploaded_by, uploaded_at)
            values (:id, :s, :p, :title, :name, :type, :size, :sha, :access, :sealed, :content,
              :by, :at)
            """)
        .param("id", s.id())
        .param("s", s.sessionId())
        .param("p", s.programmeId())
        .param("title", s.title())
        .param("name", s.fileName())
        .param("type", s.contentType())
        .param("size", s.size())
        .param("sha", s.sha256())
        .param("access", s.access().name())
        .param("sealed", s.sealed())
        .param("content", s.content())
        .param("by", s.uploadedBy())
        .param("at", Timestamp.from(s.at()))
        .update();
  }

  List<Material> ofSession(UUID sessionId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from learning_material m where m.session_id = :s order by m.uploaded_at, m.id")
        .param("s", sessionId)
        .query(MaterialRepository::material)
        .list();
  }

  /** Public materials of the programme's published sessions, in session order. */
  List<Material> publicOfProgramme(UUID programmeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + """
                 from learning_material m join session_facts s on s.id = m.session_id
                where m.programme_id = :p and m.access = 'PUBLIC' and s.status = 'PUBLISHED'
                order by s.starts_at, m.uploaded_at, m.id
                """)
        .param("p", programmeId)
        .query(MaterialRepository::material)
        .list();
  }

  Optional<Material> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from learning_material m where m.id = :id")
        .param("id", id)
        .query(MaterialRepository::material)
        .optional();
  }

  /** The stored bytes and whether they are sealed. */
  record Content(byte[] bytes, boolean sealed) {}

  Optional<Content> content(UUID id) {
    return jdbc.sql("select content, sealed from learning_material where id = :id")
        .param("id", id)
        .query((rs, i) -> new Content(rs.getBytes(1), rs.getBoolean(2)))
        .optional();
  }

  boolean delete(UUID sessionId, UUID id) {
    return jdbc.sql("delete from learning_material where id = :id and session_id = :s")
            .param("id", id)
            .param("s", sessionId)
            .update()
        == 1;
  }

  void download(UUID materialId, UUID sessionId, UUID registrationId, Instant at) {
    jdbc.sql(
            """
            insert into learning_material_download (id, material_id, session_id, registration_id, at)
            values (:id, :m, :s, :r, :at)
            """)
        .param("id", UUID.randomUUID())
        .param("m", materialId)
        .param("s", sessionId)
        .param("r", registrationId)
        .param("at", Timestamp.from(at))
        .update();
  }

  record Download(UUID materialId, UUID registrationId, Instant at) {}

  List<Download> downloads(UUID sessionId) {
    return jdbc.sql(
            """
            select material_id, registration_id, at from learning_material_download
            where session_id = :s order by at desc limit 1000
            """)
        .param("s", sessionId)
        .query(
            (rs, i) ->
                new Download(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getTimestamp(3).toInstant()))
        .list();
  }

  private static Material material(ResultSet rs, int i) throws SQLException {
    return new Material(
        rs.getObject("id", UUID.class),
        rs.getObject("session_id", UUID.class),
        rs.getObject("programme_id", UUID.class),
        rs.getString("title"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        RecordingAccess.valueOf(rs.getString("access")),
        rs.getTimestamp("uploaded_at").toInstant(),
        rs.getInt("downloads"));
  }
}
