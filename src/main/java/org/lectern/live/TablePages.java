package org.lectern.live;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds the delegate's {@link TablePage} and the moderator's {@link TablesConsole}. */
@Component
record TablePages(
    TableRepository tables,
    TableTalk talk,
    TableMedia media,
    TableRooms providerRooms,
    RoomPresence presence,
    EventLog events,
    LiveStream stream,
    LiveWindow window,
    java.time.Clock clock,
    @Value("${lectern.tables.max-size:6}") int defaultSize) {

  /** The viewer's table page; empty when no round is open (the page sends them to the room). */
  Optional<TablePage> delegate(Viewer v, Ui ui, String draft, FormErrors errors) {
    UUID sessionId = v.session().id();
    Optional<TableRound> open = tables.open(sessionId);
    if (open.isEmpty() || !v.inRoom()) {
      return Optional.empty();
    }
    TableRound r = open.get();
    long last = events.latest(sessionId);
    UUID me = v.participant().id();
    Optional<TableTalk.Place> place = talk.place(v);
    if (place.isEmpty()) {
      List<TableRepository.Seat> seats = tables.seats(r.id());
      List<TablePage.Choice> choices =
          r.grouping() != TableRound.Grouping.CHOICE
              ? List.of()
              : tables.tables(r.id()).stream()
                  .map(
                      t -> {
                        int n =
                            (int) seats.stream().filter(s -> s.tableId().equals(t.id())).count();
                        return new TablePage.Choice(
                            t.id(), t.number(), t.question(), n, n >= r.maxSize());
                      })
                  .toList();
      return Optional.of(
          new TablePage(
              sessionId,
              title(v, ui),
              me,
              round(r, v, ui),
              null,
              null,
              null,
              List.of(),
              null,
              0,
              List.of(),
              false,
              v.participant().displayName() != null,
              null,
              null,
              choices,
              last,
              draft,
              errors));
    }
    TableRepository.Table t = place.get().table();
    List<TablePage.Person> people =
        tables.seats(r.id()).stream()
            .filter(s -> s.tableId().equals(t.id()))
            .map(s -> person(s, me))
            .toList();
    return Optional.of(
        new TablePage(
            sessionId,
            title(v, ui),
            me,
            round(r, v, ui),
            t.id(),
            t.number(),
            t.question(),
            people,
            t.note() == null ? "" : t.note(),
            t.noteVersion(),
            signers(t.signers()),
            t.helpAt() != null,
            v.participant().displayName() != null,
            media.config(me),
            providerRooms.link(v, r, t.number()).orElse(null),
            List.of(),
            last,
            draft,
            errors));
  }

  TablesConsole console(Viewer v, Ui ui, String draft, FormErrors errors) {
    UUID sessionId = v.session().id();
    Optional<TableRound> latest = tables.latest(sessionId);
    List<TablesConsole.TableView> views = List.of();
    if (latest.isPresent()) {
      Map<UUID, List<TableRepository.Seat>> byTable =
          tables.seats(latest.get().id()).stream()
              .collect(Collectors.groupingBy(TableRepository.Seat::tableId));
      views =
          tables.tables(latest.get().id()).stream()
              .map(
                  t ->
                      new TablesConsole.TableView(
                          t.id(),
                          t.number(),
                          t.question(),
                          t.note() == null ? "" : t.note(),
                          signers(t.signers()),
                          t.helpAt() != null,
                          byTable.getOrDefault(t.id(), List.of()).stream()
                              .map(s -> person(s, null))
                              .toList()))
              .toList();
    }
    boolean roundOpen = latest.map(TableRound::isOpen).orElse(false);
    return new TablesConsole(
        sessionId,
        title(v, ui),
        window.isOpen(v.session()),
        roundOpen,
        latest.map(r -> round(r, v, ui)).orElse(null),
        views,
        tables.spotlight(sessionId).orElse(null),
        providerRooms.available(v).stream().map(Enum::name).toList(),
        defaultSize,
        presence.guests(sessionId).size(),
        events.latest(sessionId),
        stream.spreadMillis(sessionId),
        draft,
        errors);
  }

  /** The note the projector shows, if the moderator chose one. */
  Optional<TablesConsole.TableView> spotlight(UUID sessionId) {
    return tables
        .spotlight(sessionId)
        .flatMap(id -> tables.table(sessionId, id))
        .map(
            t ->
                new TablesConsole.TableView(
                    t.id(),
                    t.number(),
                    t.question(),
                    t.note() == null ? "" : t.note(),
                    signers(t.signers()),
                    false,
                    List.of()));
  }

  private TablePage.Round round(TableRound r, Viewer v, Ui ui) {
    ZoneId zone = ui.zoneOr(v.programme().timeZone());
    Instant end = r.endsAt();
    String text = ui.time().time(end, zone) + " (" + ui.zoneLabel(zone, end) + ")";
    return new TablePage.Round(
        r.question(), r.broadcast(), text, end.toString(), r.timeIsUp(clock));
  }

  private static TablePage.Person person(TableRepository.Seat s, UUID me) {
    return new TablePage.Person(
        s.participantId(),
        s.name(),
        s.kind() == ParticipantKind.ROOM,
        s.participantId().equals(me));
  }

  private static List<String> signers(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
  }

  private static String title(Viewer v, Ui ui) {
    return ui.text(v.session().title(), v.programme().languages());
  }
}
