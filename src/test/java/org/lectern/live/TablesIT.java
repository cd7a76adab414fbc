package org.lectern.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.privacy.RemovalReason;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Discussion tables on the real database and the real stream: everyone present gets one seat,
 * signalling reaches the one addressee and nobody at another table, the note refuses a stale save,
 * closing sends everyone back, and the removal path takes notes and questions away.
 */
class TablesIT extends IntegrationTest {

  @Autowired LiveFixtures fx;
  @Autowired LiveAccess access;
  @Autowired TableService desk;
  @Autowired TableTalk talk;
  @Autowired TableSignals signals;
  @Autowired TableRepository tables;
  @Autowired LiveRemoval removal;
  @Autowired JdbcClient jdbc;

  record Person(String pass, Viewer viewer) {}

  Person join(LiveFixtures.Room r, String name) {
    String key = fx.joinKey(r);
    Viewer outsider = access.viewer(r.sessionId(), null, null, Optional.empty());
    String pass = access.join(outsider, key, name, Optional.empty());
    return new Person(pass, access.viewer(r.sessionId(), null, pass, Optional.empty()));
  }

  Viewer again(LiveFixtures.Room r, Person p) {
    return access.viewer(r.sessionId(), null, p.pass(), Optional.empty());
  }

  static TablesForm form(int max, TableRound.Grouping g) {
    return new TablesForm(
        10, max, g, TableRound.Mixing.MIXED, TableProvider.LECTERN, "Q?", List.of());
  }

  String stream(LiveFixtures.Room r) {
    return baseUrl() + "/api/v1/sessions/" + r.sessionId() + "/live/events";
  }

  @Test
  void everyonePresentGetsOneSeatAtTablesOfAtMostMax() {
    var room = fx.running();
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      people.add(join(room, i % 2 == 0 ? "Delegate " + i : null));
    }
    TableRound round = desk.open(fx.organiser(room), form(3, TableRound.Grouping.RANDOM));
    var seats = tables.seats(round.id());
    assertThat(seats).hasSize(7);
    Map<UUID, Long> perTable =
        seats.stream()
            .collect(Collectors.groupingBy(TableRepository.Seat::tableId, Collectors.counting()));
    assertThat(perTable.values()).containsExactlyInAnyOrder(3L, 2L, 2L);
    // Someone comes late: the moderator seats them at a table with room.
    join(room, "Late");
    assertThat(desk.seatLatecomers(fx.organiser(room))).isEqualTo(1);
    assertThat(desk.seatLatecomers(fx.organiser(room))).isZero();
    assertThat(
            tables.seats(round.id()).stream()
                .collect(
                    Collectors.groupingBy(TableRepository.Seat::tableId, Collectors.counting()))
                .values())
        .containsExactlyInAnyOrder(3L, 3L, 2L);
    assertThatThrownBy(() -> desk.open(fx.organiser(room), form(3, TableRound.Grouping.RANDOM)))
        .isInstanceOf(ConflictException.class);
    // a delegate cannot open tables
    assertThatThrownBy(
            () -> desk.open(again(room, people.get(0)), form(3, TableRound.Grouping.RANDOM)))
        .isInstanceOf(org.lectern.shared.error.ForbiddenException.class);
  }

  @Test
  void signallingReachesTheAddresseeAndNobodyAtAnotherTable() throws Exception {
    var room = fx.running();
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      people.add(join(room, "P" + i));
    }
    TableRound round = desk.open(fx.organiser(room), form(2, TableRound.Grouping.RANDOM));
    var seats = tables.seats(round.id());
    UUID tableA = seats.get(0).tableId();
    List<Person> atA = new ArrayList<>();
    List<Person> elsewhere = new ArrayList<>();
    for (Person p : people) {
      UUID t = tables.tableOf(round.id(), p.viewer().participant().id()).orElseThrow();
      (t.equals(tableA) ? atA : elsewhere).add(p);
    }
    assertThat(atA).hasSize(2);
    Person sender = atA.get(0);
    Person addressee = atA.get(1);
    try (SseClient toAddressee = new SseClient(stream(room), "Live-Pass", addressee.pass());
        SseClient toOther = new SseClient(stream(room), "Live-Pass", elsewhere.get(0).pass());
        SseClient toSender = new SseClient(stream(room), "Live-Pass", sender.pass())) {
      toAddressee.take(1, Duration.ofSeconds(5)); // replay: tables.opened
      toOther.take(1, Duration.ofSeconds(5));
      toSender.take(1, Duration.ofSeconds(5));
      signals.send(
          again(room, sender),
          addressee.viewer().participant().id(),
          "offer",
          "{\"type\":\"offer\",\"sdp\":\"v=0 secret-sdp\"}");
      var got = toAddressee.take(1, Duration.ofSeconds(10));
      assertThat(got).hasSize(1);
      assertThat(got.get(0).type()).isEqualTo("table.signal");
      assertThat(got.get(0).id()).isEqualTo(-1); // no id: never replayed, Last-Event-ID unmoved
      assertThat(got.get(0).data())
          .contains(sender.viewer().participant().id().toString())
          .contains("secret-sdp");
      assertThat(toOther.drain(Duration.ofMillis(800)))
          .noneMatch(e -> e.data().contains("secret-sdp"));
      assertThat(toSender.drain(Duration.ofMillis(10)))
          .noneMatch(e -> e.data().contains("secret-sdp"));
    }
    // Never to another table; the stored signal is sealed.
    assertThatThrownBy(
            () ->
                signals.send(
                    again(room, sender),
                    elsewhere.get(0).viewer().participant().id(),
                    "offer",
                    "x"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(
            jdbc.sql(
                    "select count(*) from live_table_signal where session_id = :s and position(convert_to('secret-sdp', 'UTF8') in payload_sealed) > 0")
                .param("s", room.sessionId())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void theNoteRefusesAStaleSaveClosingSendsEveryoneBackAndRemovalTakesTheNotes() {
    var room = fx.running();
    Person a = join(room, "Aigerim");
    Person b = join(room, null);
    desk.open(fx.organiser(room), form(6, TableRound.Grouping.RANDOM));
    int v1 = talk.note(again(room, a), "Article 9 covers administrative detention.", 0, true);
    assertThatThrownBy(() -> talk.note(again(room, b), "stale", 0, false))
        .isInstanceOf(ConflictException.class);
    talk.note(
        again(room, b),
        "Article 9 covers administrative detention.\nAsk about habeas corpus.",
        v1,
        false);
    var place = talk.place(again(room, a)).orElseThrow();
    assertThat(place.table().note()).contains("habeas corpus");
    assertThat(place.table().signers()).isEqualTo("Aigerim");
    assertThatThrownBy(
            () -> talk.note(again(room, a), "x".repeat(TableTalk.NOTE_MAX + 1), v1 + 1, false))
        .isInstanceOf(InvalidInputException.class);

    desk.close(fx.organiser(room));
    assertThat(talk.place(again(room, a))).isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from live_table_seat s join live_table t on t.id = s.table_id"
                        + " where t.session_id = :s and s.left_at is null")
                .param("s", room.sessionId())
                .query(Integer.class)
                .single())
        .isZero();

    removal.anonymiseProgramme(room.programmeId(), RemovalReason.RETENTION);
    assertThat(
            jdbc.sql(
                    "select count(*) from live_table where session_id = :s and note_sealed is not null")
                .param("s", room.sessionId())
                .query(Integer.class)
                .single())
        .isZero();
  }
}
