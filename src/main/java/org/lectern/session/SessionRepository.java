package org.lectern.session;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lectern.programme.PublicationStatus;
import org.lectern.shared.database.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for sessions and the speakers in them. */
// Named apart from Spring Session's bean "sessionRepository" (the browser-session store).
@Component("trainingSessionRepository")
record SessionRepository(JdbcClient jdbc) {

  private static final String SELECT =
      """
      select id, programme_id, title::text as title, abstract::text as abstract, starts_at, ends_at,
             mode, venue::text as venue, room_capacity, language, interpretation_languages,
             iccpr_articles, meeting_provider, meeting_url, status, sequence, created_at, updated_at
      from session
      """;

  Optional<UUID> programmeOf(UUID sessionId) {
    return jdbc.sql("select programme_id from session where id = :s")
        .param("s", sessionId)
        .query(UUID.class)
        .optional();
  }

  Optional<Session> find(UUID id) {
    return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
  }

  List<Session> ofProgramme(UUID programmeId) {
    return jdbc.sql(SELECT + " where programme_id = :p order by starts_at, id")
        .param("p", programmeId)
        .query(this::map)
        .list();
  }

  List<Session> publishedWithArticle(int article) {
    return jdbc.sql(
            SELECT
                + """
                 where status = 'PUBLISHED' and :a = any(iccpr_articles)
                   and programme_id in (select id from programme_facts where status = 'PUBLISHED')
                 order by starts_at desc
                """)
        .param("a", article)
        .query(this::map)
        .list();
  }

  List<Session> publishedWithSpeaker(UUID speakerId) {
    return jdbc.sql(
            SELECT
                + """
                 where status = 'PUBLISHED'
                   and id in (select session_id from session_speaker where speaker_id = :s)
                   and programme_id in (select id from programme_facts where status = 'PUBLISHED')
                 order by starts_at desc
                """)
        .param("s", speakerId)
        .query(this::map)
        .list();
  }

  void insert(Session s) {
    jdbc.sql(
            """
            insert into session (id, programme_id, title, abstract, starts_at, ends_at, mode, venue,
              room_capacity, language, interpretation_languages, iccpr_articles, meeting_provider,
              meeting_url, status)
            values (:id, :programme, :title, :abstract, :starts, :ends, :mode, :venue, :room,
              :language, :interp, :articles, :provider, :url, :status)
            """)
        .param("id", s.id())
        .param("programme", s.programmeId())
        .params(columns(s))
        .update();
  }

  void update(Session s) {
    jdbc.sql(
            """
            update session set title = :title, abstract = :abstract, starts_at = :starts,
              ends_at = :ends, mode = :mode, venue = :venue, room_capacity = :room,
              language = :language, interpretation_languages = :interp, iccpr_articles = :articles,
              meeting_provider = :provider, meeting_url = :url, status = :status,
              sequence = sequence + 1, updated_at = now()
            where id = :id
            """)
        .param("id", s.id())
        .params(columns(s))
        .update();
  }

  private static Map<String, Object> columns(Session s) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", Json.jsonb(s.title()));
    m.put("abstract", Json.jsonb(s.summary()));
    m.put("starts", Timestamp.from(s.startsAt()));
    m.put("ends", Timestamp.from(s.endsAt()));
    m.put("mode", s.mode().name());
    m.put("venue", Json.jsonb(s.venue()));
    m.put("room", s.roomCapacity());
    m.put("language", s.language());
    m.put("interp", s.interpretationLanguages().toArray(String[]::new));
    m.put("articles", s.iccprArticles().toArray(Integer[]::new));
    m.put("provider", s.meetingProvider() == null ? null : s.meetingProvider().name());
    m.put("url", s.meetingUrl());
    m.put("status", s.status().name());
    return m;
  }

  List<SessionSpeaker> speakers(UUID sessionId) {
    return jdbc.sql(
            "select speaker_id, role, position from session_speaker where session_id = :s order by position, role")
        .param("s", sessionId)
        .query(
            (rs, i) ->
                new SessionSpeaker(
                    rs.getObject(1, UUID.class),
                    SpeakerRole.valueOf(rs.getString(2)),
                    rs.getInt(3)))
        .list();
  }

  void replaceSpeakers(UUID sessionId, List<SessionSpeaker> speakers) {
    jdbc.sql("delete from session_speaker where session_id = :s").param("s", sessionId).update();
    for (SessionSpeaker sp : speakers) {
      jdbc.sql(
              """
              insert into session_speaker (session_id, speaker_id, role, position)
              values (:s, :sp, :r, :pos) on conflict do nothing
              """)
          .param("s", sessionId)
          .param("sp", sp.speakerId())
          .param("r", sp.role().name())
          .param("pos", sp.position())
          .update();
    }
  }

  void bumpSequence(UUID sessionId) {
    jdbc.sql("update session set sequence = sequence + 1, updated_at = now() where id = :s")
        .param("s", sessionId)
        .update();
  }

  private Session map(ResultSet rs, int row) throws SQLException {
    String provider = rs.getString("meeting_provider");
    var input =
        new SessionInput(
            Json.text(rs.getString("title")),
            Json.text(rs.getString("abstract")),
            rs.getTimestamp("starts_at").toInstant(),
            rs.getTimestamp("ends_at").toInstant(),
            DeliveryMode.valueOf(rs.getString("mode")),
            Json.text(rs.getString("venue")),
            (Integer) rs.getObject("room_capacity"),
            rs.getString("language"),
            strings(rs.getArray("interpretation_languages")),
            ints(rs.getArray("iccpr_articles")),
            provider == null ? null : MeetingProvider.valueOf(provider),
            rs.getString("meeting_url"));
    return new Session(
        rs.getObject("id", UUID.class),
        rs.getObject("programme_id", UUID.class),
        input,
        PublicationStatus.valueOf(rs.getString("status")),
        rs.getInt("sequence"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }

  private static List<Integer> ints(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((Integer[]) a.getArray());
  }
}
