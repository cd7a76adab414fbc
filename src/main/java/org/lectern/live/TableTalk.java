package org.lectern.live;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * What someone at a table does: choose a table (when the moderator lets people choose), ask for
 * help, write the table's shared note. Only people seated at the table may touch it.
 */
@Service
record TableTalk(
    RoomRepository rooms,
    TableRepository tables,
    EventLog events,
    LiveRateLimits limits,
    Clock clock,
    Transactions transactions) {

  static final int NOTE_MAX = 4000;

  /** Where the viewer sits in the open round. */
  record Place(TableRound round, TableRepository.Table table) {}

  /** The viewer's table in the open round, if they have one. */
  Optional<Place> place(Viewer v) {
    if (!v.inRoom()) {
      return Optional.empty();
    }
    return tables
        .open(v.session().id())
        .flatMap(
            r ->
                tables
                    .tableOf(r.id(), v.participant().id())
                    .flatMap(t -> tables.table(v.session().id(), t))
                    .map(t -> new Place(r, t)));
  }

  Place requirePlace(Viewer v) {
    v.requireParticipant();
    return place(v).orElseThrow(() -> new ConflictException("live.tables.notSeated"));
  }

  /** Sits down at a table of one's choice (rounds where people choose), if it has room. */
  void choose(Viewer v, UUID tableId) {
    transactions.run(
        () -> {
          Participant p = v.requireParticipant();
          UUID sessionId = v.session().id();
          rooms.lock(sessionId);
          TableRound round =
              tables.open(sessionId).orElseThrow(() -> new ConflictException("live.tables.closed"));
          if (round.grouping() != TableRound.Grouping.CHOICE) {
            throw new ConflictException("live.tables.noChoice");
          }
          var t =
              tables
                  .table(sessionId, tableId)
                  .filter(x -> x.roundId().equals(round.id()))
                  .orElseThrow(() -> InvalidInputException.of("table", "live.tables.noSuchTable"));
          UUID from = tables.tableOf(round.id(), p.id()).orElse(null);
          if (t.id().equals(from)) {
            return;
          }
          if (tables.seated(t.id()) >= round.maxSize()) {
            throw InvalidInputException.of("table", "live.tables.full");
          }
          tables.seat(round.id(), p.id(), t.id(), clock.instant());
          events.append(
              sessionId,
              "tables.moved",
              Map.of(
                  "tables",
                  from == null ? java.util.List.of(t.id()) : java.util.List.of(from, t.id())));
        });
  }

  void help(Viewer v, boolean wanted) {
    transactions.run(
        () -> {
          Place at = requirePlace(v);
          limits.check(v.participant().id(), LiveRateLimits.Action.HAND);
          rooms.lock(v.session().id());
          if (tables.help(at.table().id(), wanted ? clock.instant() : null)) {
            events.append(
                v.session().id(), "table.help", Map.of("table", at.table().id(), "help", wanted));
          }
        });
  }

  /**
   * Replaces the table's note, unless someone else saved since {@code version}: then nothing
   * changes and the caller learns the current note ({@code live.tables.noteChanged}). The writer's
   * display name is kept with the note only when they ask for it.
   */
  int note(Viewer v, String text, int version, boolean sign) {
    return transactions.result(
        () -> {
          Place at = requirePlace(v);
          String note = text == null ? "" : text.replace("\r\n", "\n");
          if (note.length() > NOTE_MAX) {
            throw InvalidInputException.of("note", "live.text.tooLong", NOTE_MAX);
          }
          limits.check(v.participant().id(), LiveRateLimits.Action.NOTE);
          rooms.lock(v.session().id());
          var t = tables.table(v.session().id(), at.table().id()).orElseThrow();
          Set<String> signers = new LinkedHashSet<>();
          if (t.signers() != null && !t.signers().isEmpty()) {
            signers.addAll(java.util.List.of(t.signers().split("\n")));
          }
          String name = v.participant().displayName();
          if (sign && name != null) {
            signers.add(name);
          }
          if (!tables.note(v.session().id(), t.id(), note, String.join("\n", signers), version)) {
            throw new ConflictException("live.tables.noteChanged");
          }
          events.append(
              v.session().id(), "table.note", Map.of("table", t.id(), "version", version + 1));
          return version + 1;
        });
  }
}
