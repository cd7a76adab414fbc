package org.lectern.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rounds, tables, seats and notes; questions, messages and notes are stored encrypted. */
@Repository
class TableRepository {

  static final String QUESTION = "live.table.question";
  static final String BROADCAST = "live.table.broadcast";
  static final String NOTE = "live.table.note";
  static final String SIGNERS = "live.table.signers";

  record Table(
      UUID id,
      UUID roundId,
      int number,
      String question,
      String note,
      String signers,
      int noteVersion,
      Instant helpAt) {}

  record Seat(UUID participantId, UUID tableId, String name, ParticipantKind kind) {}

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final LiveKeys keys;

  TableRepository(JdbcClient jdbc, PersonalDataCipher cipher, LiveKeys keys) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.keys = keys;
  }

  void insert(TableRound r) {
    jdbc.sql(
            """
            insert into live_table_round (id, session_id, grouping, mixing, max_size,
              question_sealed, provider, opened_at, ends_at)
            values (:id, :s, :g, :m, :max, :q, :p, :o, :e)
            """)
        .param("id", r.id())
        .param("s", r.sessionId())
        .param("g", r.grouping().name())
        .param("m", r.mixing().name())
        .param("max", r.maxSize())
        .param("q", seal(r.sessionId(), r.question(), QUESTION))
        .param("p", r.provider().name())
        .param("o", Timestamp.from(r.openedAt()))
        .param("e", Timestamp.from(r.endsAt()))
        .update();
  }

  /** The room's open round, if any. */
  Optional<TableRound> open(UUID sessionId) {
    return jdbc.sql("select * from live_table_round where session_id = :s and closed_at is null")
        .param("s", sessionId)
        .query(this::round)
        .optional();
  }

  /** The latest round, open or closed. */
  Optional<TableRound> latest(UUID sessionId) {
    return jdbc.sql(
            "select * from live_table_round where session_id = :s order by opened_at desc limit 1")
        .param("s", sessionId)
        .query(this::round)
        .optional();
  }

  void closeRound(TableRound r) {
    jdbc.sql("update live_table_round set closed_at = :c where id = :id")
        .param("c", Timestamp.from(r.closedAt()))
        .param("id", r.id())
        .update();
    jdbc.sql("update live_table_seat set left_at = :c where round_id = :id and left_at is null")
        .param("c", Timestamp.from(r.closedAt()))
        .param("id", r.id())
        .update();
  }

  void broadcast(TableRound r, String message) {
    jdbc.sql("update live_table_round set broadcast_sealed = :b where id = :id")
        .param("b", seal(r.sessionId(), message, BROADCAST))
        .param("id", r.id())
        .update();
  }

  void insertTable(TableRound r, UUID id, int number, String question) {
    jdbc.sql(
            """
            insert into live_table (id, round_id, session_id, number, question_sealed)
            values (:id, :r, :s, :n, :q)
            """)
        .param("id", id)
        .param("r", r.id())
        .param("s", r.sessionId())
        .param("n", number)
        .param("q", seal(r.sessionId(), question, QUESTION))
        .update();
  }

  List<Table> tables(UUID roundId) {
    return jdbc.sql("select * from live_table where round_id = :r order by number")
        .param("r", roundId)
        .query(this::table)
        .list();
  }

  Optional<Table> table(UUID sessionId, UUID tableId) {
    return jdbc.sql("select * from live_table where session_id = :s and id = :id")
        .param("s", sessionId)
        .param("id", tableId)
        .query(this::table)
        .optional();
  }

  /** Seats someone, or moves them: the seat keeps its first time. */
  void seat(UUID roundId, UUID participantId, UUID tableId, Instant at) {
    jdbc.sql(
            """
            insert into live_table_seat (round_id, participant_id, table_id, seated_at)
            values (:r, :p, :t, :at)
            on conflict (round_id, participant_id) do update set table_id = excluded.table_id
            """)
        .param("r", roundId)
        .param("p", participantId)
        .param("t", tableId)
        .param("at", Timestamp.from(at))
        .update();
  }

  Optional<UUID> tableOf(UUID roundId, UUID participantId) {
    return jdbc.sql(
            "select table_id from live_table_seat where round_id = :r and participant_id = :p")
        .param("r", roundId)
        .param("p", participantId)
        .query(UUID.class)
        .optional();
  }

  List<Seat> seats(UUID roundId) {
    return jdbc.sql(
            """
            select s.participant_id, s.table_id, p.kind, p.display_name, p.display_name_sealed
            from live_table_seat s join live_participant p on p.id = s.participant_id
            where s.round_id = :r and not p.removed order by s.seated_at, p.id
            """)
        .param("r", roundId)
        .query(
            (rs, i) ->
                new Seat(
                    rs.getObject("participant_id", UUID.class),
                    rs.getObject("table_id", UUID.class),
                    LiveAtRest.open(cipher, rs, "display_name", RoomRepository.NAME),
                    ParticipantKind.valueOf(rs.getString("kind"))))
        .list();
  }

  int seated(UUID tableId) {
    return jdbc.sql("select count(*) from live_table_seat where table_id = :t")
        .param("t", tableId)
        .query(Integer.class)
        .single();
  }

  /** Replaces the note if nobody changed it since {@code version}; false when someone did. */
  boolean note(UUID sessionId, UUID tableId, String note, String signers, int version) {
    return jdbc.sql(
                """
                update live_table set note_sealed = :n, signers_sealed = :sig,
                  note_version = note_version + 1 where id = :id and note_version = :v
                """)
            .param("n", seal(sessionId, note, NOTE))
            .param("sig", seal(sessionId, signers, SIGNERS))
            .param("id", tableId)
            .param("v", version)
            .update()
        == 1;
  }

  boolean help(UUID tableId, Instant at) {
    return jdbc.sql(
                "update live_table set help_at = :at where id = :id"
                    + " and (help_at is null) = (cast(:at as timestamptz) is not null)")
            .param("at", at == null ? null : Timestamp.from(at))
            .param("id", tableId)
            .update()
        == 1;
  }

  void spotlight(UUID sessionId, UUID tableId) {
    jdbc.sql("update live_room set spotlight_table = :t where session_id = :s")
        .param("t", tableId)
        .param("s", sessionId)
        .update();
  }

  Optional<UUID> spotlight(UUID sessionId) {
    return jdbc.sql("select spotlight_table from live_room where session_id = :s")
        .param("s", sessionId)
        .query((rs, i) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
        .optional()
        .flatMap(o -> o);
  }

  private byte[] seal(UUID sessionId, String text, String context) {
    return text == null ? null : keys.of(sessionId).encrypt(text, context);
  }

  private String open(byte[] sealed, String context) {
    return sealed == null ? null : cipher.decrypt(sealed, context);
  }

  private TableRound round(ResultSet rs, int row) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new TableRound(
        rs.getObject("id", UUID.class),
        rs.getObject("session_id", UUID.class),
        TableRound.Grouping.valueOf(rs.getString("grouping")),
        TableRound.Mixing.valueOf(rs.getString("mixing")),
        rs.getInt("max_size"),
        open(rs.getBytes("question_sealed"), QUESTION),
        open(rs.getBytes("broadcast_sealed"), BROADCAST),
        TableProvider.valueOf(rs.getString("provider")),
        rs.getTimestamp("opened_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        closed == null ? null : closed.toInstant());
  }

  private Table table(ResultSet rs, int row) throws SQLException {
    Timestamp help = rs.getTimestamp("help_at");
    return new Table(
        rs.getObject("id", UUID.class),
        rs.getObject("round_id", UUID.class),
        rs.getInt("number"),
        open(rs.getBytes("question_sealed"), QUESTION),
        open(rs.getBytes("note_sealed"), NOTE),
        open(rs.getBytes("signers_sealed"), SIGNERS),
        rs.getInt("note_version"),
        help == null ? null : help.toInstant());
  }
}
