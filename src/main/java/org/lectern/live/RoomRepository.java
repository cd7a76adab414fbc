package org.lectern.live;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rooms and their participants; display names are stored encrypted. */
@Repository
class RoomRepository {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ROOM = "select * from live_room where session_id = :s";

  static final String NAME = "live.participant.name";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final LiveKeys keys;

  RoomRepository(JdbcClient jdbc, PersonalDataCipher cipher, LiveKeys keys) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.keys = keys;
  }

  /** The room, created with a fresh join key and vote salt on first use. */
  LiveRoom ensure(UUID sessionId) {
    jdbc.sql(
            """
            insert into live_room (session_id, join_key, vote_salt) values (:s, :k, :salt)
            on conflict (session_id) do nothing
            """)
        .param("s", sessionId)
        .param("k", secret(18))
        .param("salt", random(32))
        .update();
    return find(sessionId).orElseThrow();
  }

  Optional<LiveRoom> find(UUID sessionId) {
    return jdbc.sql(ROOM).param("s", sessionId).query(RoomRepository::room).optional();
  }

  /**
   * Locks the room row until commit. Every writer takes it first, so a room's events commit in the
   * order of their ids and a reconnecting client never misses one (ADR 0005).
   */
  LiveRoom lock(UUID sessionId) {
    ensure(sessionId);
    return jdbc.sql(ROOM + " for no key update")
        .param("s", sessionId)
        .query(RoomRepository::room)
        .single();
  }

  void update(LiveRoom r) {
    jdbc.sql(
            """
            update live_room set premoderation = :p, chat = :c, anonymity = :a,
              spotlight_question = :q, spotlight_poll = :poll where session_id = :s
            """)
        .param("p", r.premoderation())
        .param("c", r.chat())
        .param("a", r.anonymity().name())
        .param("q", r.spotlightQuestion())
        .param("poll", r.spotlightPoll())
        .param("s", r.sessionId())
        .update();
  }

  void newJoinKey(UUID sessionId) {
    jdbc.sql("update live_room set join_key = :k where session_id = :s")
        .param("k", secret(18))
        .param("s", sessionId)
        .update();
  }

  /** Forgets the vote salts of rooms that have closed; returns how many. */
  int destroySalt(UUID sessionId) {
    return jdbc.sql(
            "update live_room set vote_salt = null where session_id = :s and vote_salt is not null")
        .param("s", sessionId)
        .update();
  }

  List<UUID> roomsWithSalt() {
    return jdbc.sql("select session_id from live_room where vote_salt is not null")
        .query(UUID.class)
        .list();
  }

  // participants

  Optional<Participant> byPass(UUID sessionId, String passHash) {
    return jdbc.sql("select * from live_participant where session_id = :s and pass_hash = :h")
        .param("s", sessionId)
        .param("h", passHash)
        .query(this::participant)
        .optional();
  }

  Optional<Participant> bySubject(UUID sessionId, String subjectKey) {
    return jdbc.sql("select * from live_participant where session_id = :s and subject_key = :k")
        .param("s", sessionId)
        .param("k", subjectKey)
        .query(this::participant)
        .optional();
  }

  Optional<Participant> participant(UUID sessionId, UUID id) {
    return jdbc.sql("select * from live_participant where session_id = :s and id = :id")
        .param("s", sessionId)
        .param("id", id)
        .query(this::participant)
        .optional();
  }

  /** Inserts, or for a known person gives their existing participant a new pass and name. */
  Participant enter(
      UUID sessionId, ParticipantKind kind, String subjectKey, String name, String passHash) {
    if (subjectKey == null) {
      UUID id = UUID.randomUUID();
      jdbc.sql(
              """
              insert into live_participant (id, session_id, kind, display_name_sealed, pass_hash)
              values (:id, :s, :k, :n, :h)
              """)
          .param("id", id)
          .param("s", sessionId)
          .param("k", kind.name())
          .param("n", keys.of(sessionId).encrypt(name, NAME))
          .param("h", passHash)
          .update();
      return new Participant(id, sessionId, kind, name, false);
    }
    return jdbc.sql(
            """
            insert into live_participant (id, session_id, kind, subject_key, display_name_sealed, pass_hash)
            values (:id, :s, :k, :sub, :n, :h)
            on conflict (session_id, subject_key)
            do update set display_name = null, display_name_sealed = excluded.display_name_sealed,
              pass_hash = excluded.pass_hash
            returning *
            """)
        .param("id", UUID.randomUUID())
        .param("s", sessionId)
        .param("k", kind.name())
        .param("sub", subjectKey)
        .param("n", keys.of(sessionId).encrypt(name, NAME))
        .param("h", passHash)
        .query(this::participant)
        .single();
  }

  /** The participant of a known person, created on first sight (staff: no pass needed). */
  Participant enterOnce(UUID sessionId, ParticipantKind kind, String subjectKey, String name) {
    jdbc.sql(
            """
            insert into live_participant (id, session_id, kind, subject_key, display_name_sealed, pass_hash)
            values (:id, :s, :k, :sub, :n, :h) on conflict (session_id, subject_key) do nothing
            """)
        .param("id", UUID.randomUUID())
        .param("s", sessionId)
        .param("k", kind.name())
        .param("sub", subjectKey)
        .param("n", keys.of(sessionId).encrypt(name, NAME))
        .param("h", Passes.digest(Passes.newPass()))
        .update();
    return bySubject(sessionId, subjectKey).orElseThrow();
  }

  void remove(UUID sessionId, UUID participantId) {
    jdbc.sql("update live_participant set removed = true where session_id = :s and id = :id")
        .param("s", sessionId)
        .param("id", participantId)
        .update();
  }

  static String secret(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random(bytes));
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static LiveRoom room(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new LiveRoom(
        rs.getObject("session_id", UUID.class),
        rs.getBoolean("premoderation"),
        rs.getBoolean("chat"),
        Anonymity.valueOf(rs.getString("anonymity")),
        rs.getString("join_key"),
        rs.getBytes("vote_salt"),
        rs.getObject("spotlight_question", UUID.class),
        rs.getObject("spotlight_poll", UUID.class));
  }

  private Participant participant(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Participant(
        rs.getObject("id", UUID.class),
        rs.getObject("session_id", UUID.class),
        ParticipantKind.valueOf(rs.getString("kind")),
        LiveAtRest.open(cipher, rs, "display_name", NAME),
        rs.getBoolean("removed"));
  }
}
