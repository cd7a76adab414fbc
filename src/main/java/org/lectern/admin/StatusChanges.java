package org.lectern.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.web.Ui;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Publishing and unpublishing from the back office, for programmes and sessions alike: one handler
 * per kind answers both addresses ({@code …/publish} and {@code …/unpublish}), makes the change and
 * goes back to the object's page with the note — done, or why it was refused.
 */
final class StatusChanges {

  /** Publishes ({@code true}) or withdraws ({@code false}) one object. */
  interface Change {
    void apply(boolean publish);
  }

  private StatusChanges() {}

  /**
   * Publishes or withdraws as the address says and redirects to {@code back}; the note is {@code
   * keyPrefix + ".published"} or {@code ".unpublished"}, or the refusal.
   */
  static String publication(
      HttpServletRequest request,
      Ui ui,
      RedirectAttributes redirect,
      String back,
      String keyPrefix,
      Change change) {
    boolean publish = !request.getRequestURI().endsWith("/unpublish");
    String note;
    try {
      change.apply(publish);
      note = ui.t(keyPrefix + (publish ? ".published" : ".unpublished"));
    } catch (ConflictException e) {
      note = ui.t(e.code(), e.args());
    }
    return AdminResponses.redirect(back, note, redirect);
  }
}
