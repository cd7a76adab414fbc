package org.lectern.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lectern.attendance.join.TableMeetings;
import org.lectern.shared.error.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Where tables talk besides Lectern's own audio table: the session's video provider, when the
 * programme has one configured (a BigBlueButton breakout room or a Jitsi room per table).
 */
@Component
record TableRooms(TableMeetings meetings, TableRepository tables) {

  /** The places the moderator may choose for this session's tables. */
  List<TableProvider> available(Viewer v) {
    List<TableProvider> out = new ArrayList<>(List.of(TableProvider.LECTERN));
    meetings.host(v.session()).ifPresent(h -> out.add(TableProvider.valueOf(h.name())));
    return out;
  }

  void opened(Viewer v, TableRound r, int count) {
    if (!available(v).contains(r.provider())) {
      throw InvalidInputException.of("provider", "validation.choice");
    }
    if (r.provider() == TableProvider.BIGBLUEBUTTON) {
      var langs = v.programme().languages();
      String title = v.session().title().in(langs.get(0), langs);
      int minutes = (int) Duration.between(r.openedAt(), r.endsAt()).toMinutes();
      meetings.openBreakouts(v.session(), title, "#{0}", count, minutes);
    }
  }

  void closed(Viewer v, TableRound r) {
    if (r.provider() == TableProvider.BIGBLUEBUTTON) {
      meetings.endBreakouts(v.session(), tables.tables(r.id()).size());
    }
  }

  /** The delegate's personal link into the provider's room of their table, if there is one. */
  Optional<String> link(Viewer v, TableRound r, int number) {
    return switch (r.provider()) {
      case LECTERN -> Optional.empty();
      case BIGBLUEBUTTON ->
          Optional.of(
              meetings.breakoutJoinUrl(
                  v.session(),
                  number,
                  v.participant().displayName() == null
                      ? "#" + number
                      : v.participant().displayName(),
                  v.participant().id()));
      case JITSI -> Optional.of(meetings.jitsiUrl(v.session(), number));
    };
  }
}
