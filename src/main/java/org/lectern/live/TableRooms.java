package org.lectern.live;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where tables talk besides Lectern's own audio table: the session's video provider (a
 * BigBlueButton breakout room or a Jitsi room per table).
 */
@Component
class TableRooms {

  /** The places the moderator may choose for this session's tables. */
  List<TableProvider> available(Viewer v) {
    return List.of(TableProvider.LECTERN);
  }

  void opened(Viewer v, TableRound r, int tables) {
    if (!available(v).contains(r.provider())) {
      throw org.lectern.shared.error.InvalidInputException.of("provider", "validation.choice");
    }
  }

  void closed(Viewer v, TableRound r) {
    // Lectern's own tables need nothing closed: the browsers hang up when the round closes.
  }

  /** The delegate's personal link into the provider's room of their table, if there is one. */
  Optional<String> link(Viewer v, TableRound r, int number) {
    return Optional.empty();
  }
}
