package org.lectern.live;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * What the moderator does with discussion tables: open a round (seating everyone still in the
 * room), broadcast to all tables, move someone, close the round, and afterwards show a table's note
 * on the projector or make it a question for the speaker.
 */
@Service
record TableService(
    RoomRepository rooms,
    TableRepository tables,
    RoomPresence presence,
    EventLog events,
    LiveWindow window,
    QuestionService questions,
    TableRooms providerRooms,
    org.lectern.attendance.ProgrammeAttendance attendance,
    Clock clock,
    Transactions transactions) {

  private static final SecureRandom RANDOM = new SecureRandom();

  TableRound open(Viewer v, TablesForm form) {
    return transactions.result(
        () -> {
          v.requireModerator();
          form.validate();
          window.requireOpen(v.session());
          UUID sessionId = v.session().id();
          rooms.lock(sessionId);
          if (tables.open(sessionId).isPresent()) {
            throw new ConflictException("live.tables.alreadyOpen");
          }
          List<TableSeating.Guest> guests = presence.guests(sessionId);
          if (guests.isEmpty()) {
            throw new ConflictException("live.tables.nobody");
          }
          var now = clock.instant();
          TableRound round =
              new TableRound(
                  UUID.randomUUID(),
                  sessionId,
                  form.grouping(),
                  form.mixing(),
                  form.maxSize(),
                  form.question(),
                  null,
                  form.provider(),
                  now,
                  now.plus(Duration.ofMinutes(form.minutes())),
                  null);
          tables.insert(round);
          List<List<TableSeating.Guest>> groups =
              TableSeating.form(guests, form.grouping(), form.mixing(), form.maxSize(), RANDOM);
          int count =
              form.grouping() == TableRound.Grouping.CHOICE
                  ? TableSeating.choiceTables(guests.size(), form.maxSize())
                  : groups.size();
          for (int i = 0; i < count; i++) {
            UUID tableId = UUID.randomUUID();
            tables.insertTable(round, tableId, i + 1, form.questionFor(i));
            if (i < groups.size()) {
              for (TableSeating.Guest g : groups.get(i)) {
                tables.seat(round.id(), g.participantId(), tableId, now);
              }
            }
          }
          providerRooms.opened(v, round, count);
          events.append(sessionId, "tables.opened", Map.of("round", round.id(), "tables", count));
          return round;
        });
  }

  void broadcast(Viewer v, String message) {
    transactions.run(
        () -> {
          v.requireModerator();
          var problems = new InvalidInputException.Collector();
          String text =
              problems.requiredText(
                  message,
                  "message",
                  TableRound.TEXT_MAX,
                  "live.tables.broadcast.empty",
                  "live.text.tooLong");
          problems.throwIfAny();
          rooms.lock(v.session().id());
          TableRound round = openRound(v);
          tables.broadcast(round, text);
          events.append(round.sessionId(), "tables.broadcast", Map.of("round", round.id()));
        });
  }

  /** Moves someone to another table of the open round (or seats someone who came late). */
  void move(Viewer v, UUID participantId, UUID tableId) {
    transactions.run(
        () -> {
          v.requireModerator();
          UUID sessionId = v.session().id();
          rooms.lock(sessionId);
          TableRound round = openRound(v);
          Participant p =
              rooms
                  .participant(sessionId, participantId)
                  .filter(x -> !x.removed() && x.kind() != ParticipantKind.STAFF)
                  .orElseThrow(
                      () -> InvalidInputException.of("participant", "live.tables.noSuchPerson"));
          var to =
              tables
                  .table(sessionId, tableId)
                  .filter(t -> t.roundId().equals(round.id()))
                  .orElseThrow(() -> InvalidInputException.of("table", "live.tables.noSuchTable"));
          UUID from = tables.tableOf(round.id(), p.id()).orElse(null);
          tables.seat(round.id(), p.id(), to.id(), clock.instant());
          List<UUID> changed = new ArrayList<>();
          if (from != null) {
            changed.add(from);
          }
          changed.add(to.id());
          events.append(sessionId, "tables.moved", Map.of("tables", changed));
        });
  }

  /**
   * Seats everyone present who has no seat yet (came late, or reloaded after the tables opened):
   * each at the table with the fewest people, a new table when all are full.
   */
  int seatLatecomers(Viewer v) {
    return transactions.result(
        () -> {
          v.requireModerator();
          UUID sessionId = v.session().id();
          rooms.lock(sessionId);
          TableRound round = openRound(v);
          var seats = tables.seats(round.id());
          java.util.Set<UUID> seated = new java.util.HashSet<>();
          Map<UUID, Integer> size = new java.util.LinkedHashMap<>();
          List<TableRepository.Table> all = new ArrayList<>(tables.tables(round.id()));
          all.forEach(t -> size.put(t.id(), 0));
          seats.forEach(
              s -> {
                seated.add(s.participantId());
                size.merge(s.tableId(), 1, Integer::sum);
              });
          var now = clock.instant();
          List<UUID> changed = new ArrayList<>();
          int n = 0;
          for (TableSeating.Guest g : presence.guests(sessionId)) {
            if (seated.contains(g.participantId())) {
              continue;
            }
            UUID to =
                size.entrySet().stream()
                    .filter(e -> e.getValue() < round.maxSize())
                    .min(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null);
            if (to == null) {
              to = UUID.randomUUID();
              tables.insertTable(round, to, all.size() + 1, round.question());
              all.add(null);
              size.put(to, 0);
            }
            tables.seat(round.id(), g.participantId(), to, now);
            size.merge(to, 1, Integer::sum);
            changed.add(to);
            n++;
          }
          if (n > 0) {
            events.append(
                sessionId, "tables.moved", Map.of("tables", changed.stream().distinct().toList()));
          }
          return n;
        });
  }

  void close(Viewer v) {
    transactions.run(
        () -> {
          v.requireModerator();
          rooms.lock(v.session().id());
          TableRound closed = openRound(v).close(clock);
          tables.closeRound(closed);
          providerRooms.closed(v, closed);
          attendance.tablesChanged(closed.sessionId());
          events.append(closed.sessionId(), "tables.closed", Map.of("round", closed.id()));
        });
  }

  /** The moderator answered a table's call for help. */
  void helped(Viewer v, UUID tableId) {
    transactions.run(
        () -> {
          v.requireModerator();
          rooms.lock(v.session().id());
          var t =
              tables
                  .table(v.session().id(), tableId)
                  .orElseThrow(() -> new NotFoundException("live.tables.noSuchTable"));
          if (tables.help(t.id(), null)) {
            events.append(v.session().id(), "table.help", Map.of("table", t.id(), "help", false));
          }
        });
  }

  /** Shows a table's note on the projector (null: stop showing one). */
  void spotlight(Viewer v, UUID tableId) {
    transactions.run(
        () -> {
          v.requireModerator();
          UUID sessionId = v.session().id();
          rooms.lock(sessionId);
          if (tableId != null) {
            tables
                .table(sessionId, tableId)
                .orElseThrow(() -> new NotFoundException("live.tables.noSuchTable"));
          }
          tables.spotlight(sessionId, tableId);
          events.append(
              sessionId,
              "tables.spotlight",
              Map.of("table", tableId == null ? "" : tableId.toString()));
        });
  }

  /** Puts a table's note in the queue as a question for the speaker, prefixed with its table. */
  void toQuestion(Viewer v, UUID tableId, String prefix) {
    transactions.run(
        () -> {
          v.requireModerator();
          var t =
              tables
                  .table(v.session().id(), tableId)
                  .orElseThrow(() -> new NotFoundException("live.tables.noSuchTable"));
          String note = t.note() == null ? "" : t.note().strip();
          if (note.isEmpty()) {
            throw new ConflictException("live.tables.noteEmpty");
          }
          String text = prefix.replace("{0}", Integer.toString(t.number())) + " " + note;
          if (text.codePointCount(0, text.length()) > Question.MAX_LENGTH) {
            text = text.substring(0, text.offsetByCodePoints(0, Question.MAX_LENGTH - 1)) + "…";
          }
          questions.ask(v, text, true);
        });
  }

  private TableRound openRound(Viewer v) {
    return tables
        .open(v.session().id())
        .orElseThrow(() -> new ConflictException("live.tables.closed"));
  }
}
