package org.lectern.admin;

import static org.lectern.admin.AdminResponses.redirect;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.SessionService;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Publishing and unpublishing programmes and sessions from the back office, one rule for both: the
 * address says what and which way ({@code …/publish} or {@code …/unpublish}); the organiser comes
 * back to the object's page with a note — done, or why it was refused (already published, …).
 */
@Controller
record PublicationController(ProgrammeService programmes, SessionService sessions) {

  @PostMapping({
    "/admin/programmes/{id}/publish",
    "/admin/programmes/{id}/unpublish",
    "/admin/sessions/{id}/publish",
    "/admin/sessions/{id}/unpublish"
  })
  String change(
      @PathVariable String id,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    UUID target = Ids.parse(id);
    String path = request.getRequestURI();
    boolean session = path.contains("/admin/sessions/");
    boolean publish = !path.endsWith("/unpublish");
    String note;
    try {
      if (session) {
        if (publish) {
          sessions.publish(user, target);
        } else {
          sessions.unpublish(user, target);
        }
      } else if (publish) {
        programmes.publish(user, target);
      } else {
        programmes.unpublish(user, target);
      }
      note = ui.t(doneKey(session, publish));
    } catch (ConflictException e) {
      note = ui.t(e.code(), e.args());
    }
    return redirect((session ? "/admin/sessions/" : "/admin/programmes/") + target, note, redirect);
  }

  private static String doneKey(boolean session, boolean publish) {
    if (session) {
      return publish ? "admin.session.published" : "admin.session.unpublished";
    }
    return publish ? "admin.programme.published" : "admin.programme.unpublished";
  }
}
