package org.lectern.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Chat messages and raised hands; authors' names and messages are stored encrypted. */
@Repository
class FloorRepository {

  record ChatMessage(UUID id, String authorName, String body, boolean hidden, Instant at) {}

  record Hand(UUID participantId, String name, Instant raisedAt) {}

  static final String CHAT_AUTHOR = "live.chat.author";
  static final String CHAT_BODY = "live.chat.body";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final LiveKeys keys;

  FloorRepository(JdbcClient jdbc, PersonalDataCipher cipher, LiveKeys keys) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.keys = keys;
  }

  void chat(UUID sessionId, UUID id, UUID authorId, String name, String body, Instant at) {
    jdbc.sql(
            """
            insert into live_chat_message (id, session_id, author_id, author_name_sealed,
              body_sealed, created_at)
            values (:id, :s, :a, :n, :b, :at)
            """)
        .param("id", id)
        .param("s", sessionId)
        .param("a", authorId)
        .param("n", keys.of(sessionId).encrypt(name, CHAT_AUTHOR))
        .param("b", keys.of(sessionId).encrypt(body, CHAT_BODY))
        .param("at", Timestamp.from(at))
        .update();
  }

  boolean hideChat(UUID sessionId, UUID id) {
    return jdbc.sql(
                "update live_chat_message set hidden = true where session_id = :s and id = :id and not hidden")
            .param("s", sessionId)
            .param("id", id)
            .update()
        == 1;
  }

  List<ChatMessage> chat(UUID sessionId, int limit) {
    return jdbc.sql(
            """
            select * from (select * from live_chat_message where session_id = :s
              order by created_at desc limit :l) m order by created_at
            """)
        .param("s", sessionId)
        .param("l", limit)
        .query(
            (rs, n) ->
                new ChatMessage(
                    rs.getObject("id", UUID.class),
                    LiveAtRest.open(cipher, rs, "author_name", CHAT_AUTHOR),
                    LiveAtRest.open(cipher, rs, "body", CHAT_BODY),
                    rs.getBoolean("hidden"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  /** Raises the hand; false when it was already up. */
  boolean raise(UUID sessionId, UUID participantId, Instant at) {
    return jdbc.sql(
                """
                insert into live_hand (participant_id, session_id, raised_at) values (:p, :s, :at)
                on conflict do nothing
                """)
            .param("p", participantId)
            .param("s", sessionId)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  boolean lower(UUID sessionId, UUID participantId) {
    return jdbc.sql("delete from live_hand where session_id = :s and participant_id = :p")
            .param("s", sessionId)
            .param("p", participantId)
            .update()
        == 1;
  }

  List<Hand> hands(UUID sessionId) {
    return jdbc.sql(
            """
            select h.participant_id, p.display_name, p.display_name_sealed, h.raised_at
            from live_hand h
            join live_participant p on p.id = h.participant_id
            where h.session_id = :s order by h.raised_at
            """)
        .param("s", sessionId)
        .query(
            (rs, n) ->
                new Hand(
                    rs.getObject("participant_id", UUID.class),
                    LiveAtRest.open(cipher, rs, "display_name", RoomRepository.NAME),
                    rs.getTimestamp("raised_at").toInstant()))
        .list();
  }
}
