package org.lectern.admin;

import org.lectern.shared.error.ConflictException;
import org.lectern.shared.web.Ui;

/** Publishing and unpublishing from the back office: the note to show, success or refusal. */
final class StatusChanges {

  private StatusChanges() {}

  static String note(Ui ui, Runnable change, String doneKey) {
    try {
      change.run();
      return ui.t(doneKey);
    } catch (ConflictException e) {
      return ui.t(e.code(), e.args());
    }
  }
}
