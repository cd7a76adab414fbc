package org.lectern.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Your sessions" (issue 13): the person's browser sessions on every node, with device, opening and
 * last use; they end any other one, or all others at once. Ending is audited (count only).
 */
@Controller
record SessionsController(BrowserSessions sessions, Accounts accounts) {

  static final String PATH = "/admin/account/sessions";
  private static final List<String> NOTICES = List.of("ended", "others", "gone", "current");
  private static final ZoneId UTC = ZoneId.of("UTC");

  @GetMapping(PATH)
  String show(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(required = false) String done,
      HttpServletRequest req,
      Ui ui,
      Model model) {
    String current = currentId(req);
    var f = ui.time();
    ZoneId zone = ui.zoneOr(UTC);
    var rows =
        sessions.of(user.id()).stream()
            .map(
                s ->
                    new SessionsPage.Row(
                        BrowserSessions.reference(s.getId()),
                        device(s, ui),
                        f.dateTime(s.getCreationTime(), zone),
                        f.dateTime(s.getLastAccessedTime().truncatedTo(ChronoUnit.MINUTES), zone),
                        s.getId().equals(current),
                        pending(s)))
            .sorted((x, y) -> Boolean.compare(y.current(), x.current()))
            .toList();
    String notice =
        done != null && NOTICES.contains(done) ? ui.t("identity.sessions.done." + done) : null;
    model.addAttribute(
        "page", new SessionsPage(notice, rows, rows.stream().anyMatch(r -> !r.current())));
    return "identity/sessions";
  }

  @PostMapping(PATH + "/end")
  String end(
      @AuthenticationPrincipal LecternUser user,
      @RequestParam(defaultValue = "") String session,
      HttpServletRequest req) {
    String current = currentId(req);
    if (current != null && BrowserSessions.reference(current).equals(session)) {
      return "redirect:" + PATH + "?done=current";
    }
    var found = sessions.find(user.id(), session);
    if (found.isEmpty()) {
      return "redirect:" + PATH + "?done=gone";
    }
    sessions.end(found.get());
    accounts.sessionsEnded(user, 1);
    return "redirect:" + PATH + "?done=ended";
  }

  @PostMapping(PATH + "/end-others")
  String endOthers(@AuthenticationPrincipal LecternUser user, HttpServletRequest req) {
    int n = sessions.endAll(user.id(), currentId(req));
    if (n > 0) {
      accounts.sessionsEnded(user, n);
    }
    return "redirect:" + PATH + "?done=others";
  }

  private static String currentId(HttpServletRequest req) {
    var s = req.getSession(false);
    return s == null ? null : s.getId();
  }

  private static boolean pending(Session s) {
    return s.getAttribute(SignInState.SESSION_KEY) instanceof SignInState state
        && state.stage() != SignInState.Stage.DONE;
  }

  private static String device(Session s, Ui ui) {
    if (!(s.getAttribute(BrowserSessions.DEVICE) instanceof Device d)
        || (d.browser() == null && d.system() == null)) {
      return ui.t("identity.sessions.unknownDevice");
    }
    return ui.t(
        "identity.sessions.device",
        d.browser() == null ? ui.t("identity.sessions.otherBrowser") : d.browser(),
        d.system() == null ? ui.t("identity.sessions.otherSystem") : d.system());
  }
}
