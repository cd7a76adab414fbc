package org.lectern.identity;

import java.util.List;

/** "Your sessions": each browser session of the person, this one first marked, and a notice. */
public record SessionsPage(String notice, List<Row> sessions, boolean hasOthers) {

  /**
   * A session as listed: a reference (a digest of its id, never the id), the coarse device, when it
   * was opened and last used (viewer's zone), whether it is this one and whether its second step is
   * still to be done.
   */
  public record Row(
      String reference,
      String device,
      String created,
      String lastUsed,
      boolean current,
      boolean pending) {}
}
