package org.lectern.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.shared.database.Json;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Display names, questions and chat of a live room are encrypted at rest — in their tables and in
 * the stored event stream — yet the room and its replay read them as before; rows written in clear
 * by an earlier version are sealed at start-up.
 */
class LiveAtRestIT extends IntegrationTest {

  @Autowired LiveFixtures fx;
  @Autowired Floor floor;
  @Autowired QuestionService questions;
  @Autowired EventLog events;
  @Autowired FloorRepository floorRepository;
  @Autowired QuestionRepository questionRepository;
  @Autowired RoomRepository rooms;
  @Autowired LiveAtRest atRest;

  static String word() {
    return "Qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Where in the live tables the needle appears in clear. */
  List<String> inClear(String needle) {
    List<String> hits = new ArrayList<>();
    var columns =
        jdbc.sql(
                """
                select table_name, column_name from information_schema.columns
                where table_schema = 'public' and table_name like 'live%'
                """)
            .query()
            .listOfRows();
    for (var c : columns) {
      String sql =
          "select count(*) from \""
              + c.get("table_name")
              + "\" where position(lower(:n) in lower(\""
              + c.get("column_name")
              + "\"::text)) > 0";
      if (jdbc.sql(sql).param("n", needle).query(Integer.class).single() > 0) {
        hits.add(c.get("table_name") + "." + c.get("column_name"));
      }
    }
    return hits;
  }

  @Test
  void namesQuestionsAndChatAreStoredEncryptedAndStillReadBack() {
    var room = fx.running();
    String name = word();
    String chat = "chat " + word();
    String question = "question " + word();
    Viewer v = fx.inRoom(room, name);
    floor.chat(v, chat);
    Question q = questions.ask(v, question, false);
    floor.hand(v, true);

    for (String needle : List.of(name, chat, question)) {
      assertThat(inClear(needle)).as(needle).isEmpty();
    }
    // The room and the replay of its stream read them as before.
    String replay =
        String.join(
            "\n",
            events.after(room.sessionId(), 0, 1000).stream().map(LiveEvent::payload).toList());
    assertThat(replay).contains(name, chat);
    assertThat(floorRepository.chat(room.sessionId(), 10))
        .extracting(FloorRepository.ChatMessage::body, FloorRepository.ChatMessage::authorName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(chat, name));
    assertThat(floorRepository.hands(room.sessionId()))
        .extracting(FloorRepository.Hand::name)
        .containsExactly(name);
    Question stored = questionRepository.find(room.sessionId(), q.id()).orElseThrow();
    assertThat(stored.body()).isEqualTo(question);
    assertThat(stored.authorName()).isEqualTo(name);
  }

  @Test
  void rowsStoredInClearByAnEarlierVersionAreSealed() {
    var room = fx.running();
    rooms.ensure(room.sessionId());
    String name = word();
    String text = "old " + word();
    UUID participant = UUID.randomUUID();
    jdbc.sql(
            """
            insert into live_participant (id, session_id, kind, display_name, pass_hash)
            values (:id, :s, 'ROOM', :n, :h)
            """)
        .param("id", participant)
        .param("s", room.sessionId())
        .param("n", name)
        .param("h", word())
        .update();
    UUID question = UUID.randomUUID();
    jdbc.sql(
            """
            insert into live_question (id, session_id, author_id, author_name, body, status,
              created_at)
            values (:id, :s, :p, :n, :b, 'VISIBLE', :at)
            """)
        .param("id", question)
        .param("s", room.sessionId())
        .param("p", participant)
        .param("n", name)
        .param("b", text)
        .param("at", Timestamp.from(Instant.now()))
        .update();
    jdbc.sql("insert into live_event (session_id, type, payload) values (:s, 'chat.posted', :p)")
        .param("s", room.sessionId())
        .param("p", Json.jsonb("{\"author\":\"" + name + "\",\"text\":\"" + text + "\"}"))
        .update();
    assertThat(inClear(name)).isNotEmpty();

    assertThat(atRest.sealAll()).isGreaterThanOrEqualTo(4);

    assertThat(inClear(name)).isEmpty();
    assertThat(inClear(text)).isEmpty();
    assertThat(rooms.participant(room.sessionId(), participant).orElseThrow().displayName())
        .isEqualTo(name);
    Question q = questionRepository.find(room.sessionId(), question).orElseThrow();
    assertThat(q.body()).isEqualTo(text);
    assertThat(q.authorName()).isEqualTo(name);
    assertThat(events.after(room.sessionId(), 0, 1000))
        .extracting(LiveEvent::payload)
        .anySatisfy(p -> assertThat(p).contains(name, text));
    assertThat(atRest.sealAll()).isZero();
  }
}
