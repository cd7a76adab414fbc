package org.lectern.attendance.checkin;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/** Typed pages of the room door: nothing here is a persistence record. */
public final class CheckInViews {

  private CheckInViews() {}

  /**
   * The door list: the room's figures, the code field, the search and one row per delegate. Every
   * form carries a nonce made for this rendering, so submitting it twice is one scan. When {@code
   * listShown} is false (door staff outside the window) the page only says when the door opens.
   * {@code emptyNote} is what an empty list says: door staff at a hybrid session see only those
   * with a seat in the room, so theirs says that people who registered online have a code.
   */
  public record DoorPage(
      String sessionId,
      String sessionTitle,
      String titleLang,
      String when,
      String zoneNote,
      String windowNote,
      int inRoom,
      int checkedIn,
      int expected,
      String search,
      List<DoorRow> rows,
      int matching,
      boolean more,
      String codeNonce,
      String code,
      FormErrors errors,
      boolean focusCode,
      boolean manager,
      boolean listShown,
      String emptyNote) {

    public boolean searched() {
      return search != null && !search.isBlank();
    }
  }

  /**
   * One delegate: {@code detail} says what they chose for the room; {@code status} whether and
   * since when they are in.
   */
  public record DoorRow(
      String registrationId,
      String name,
      String detail,
      String status,
      boolean inRoom,
      String nonce) {}
}
