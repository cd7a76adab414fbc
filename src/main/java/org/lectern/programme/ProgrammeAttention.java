package org.lectern.programme;

import java.time.Instant;
import java.util.List;
import org.lectern.identity.LecternUser;

/**
 * Something a feature knows needs an organiser's attention on a programme (approvals waiting, mail
 * that failed, certificates to issue…), for the programme's overview. Each feature contributes its
 * own as a bean; the overview only collects them, so it depends on no feature's internals.
 */
public interface ProgrammeAttention {

  /**
   * What needs attention now, for someone who manages {@code programme}; empty when nothing does.
   * Items with a count of zero are left out by the caller.
   */
  List<Item> attention(LecternUser viewer, Programme programme, Instant now);

  /**
   * One line of the list: a message key taking the count as its argument, the count, and where to
   * act on it (null when the viewer may not open that page).
   */
  record Item(int order, String messageKey, int count, String href) {}
}
