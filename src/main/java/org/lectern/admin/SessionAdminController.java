package org.lectern.admin;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.FormPost;
import org.lectern.shared.web.Ui;
import org.lectern.speaker.Speaker;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Adding, changing and publishing the sessions of a programme. */
@Controller
record SessionAdminController(
    ProgrammeService programmes, SessionService sessions, AdminPages pages) {

  private static final String VIEW = "admin/session";

  @GetMapping("/admin/programmes/{id}/sessions/new")
  String newForm(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Programme p = programmes.manageable(user, Ids.parse(id));
    var form = SessionForm.blank(p.mainLanguage());
    model.addAttribute("page", pages.session(p, null, form, FormErrors.none(), user, ui));
    return VIEW;
  }

  @PostMapping("/admin/programmes/{id}/sessions")
  String create(@PathVariable String id, @AuthenticationPrincipal LecternUser user, FormPost post) {
    Programme p = programmes.manageable(user, Ids.parse(id));
    return save(p, null, user, post);
  }

  @GetMapping("/admin/sessions/{id}")
  String edit(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Session s = sessions.manageable(user, Ids.parse(id));
    Programme p = programmes.manageable(user, s.programmeId());
    var form = SessionForm.of(s, sessions.speakers(s.id()), p.timeZone());
    model.addAttribute("page", pages.session(p, s, form, FormErrors.none(), user, ui));
    return VIEW;
  }

  @PostMapping("/admin/sessions/{id}")
  String update(@PathVariable String id, @AuthenticationPrincipal LecternUser user, FormPost post) {
    Session s = sessions.manageable(user, Ids.parse(id));
    Programme p = programmes.manageable(user, s.programmeId());
    return save(p, s, user, post);
  }

  /** Adds a session ({@code s} null) or changes one from the form; on refusal, the form again. */
  private String save(Programme p, Session s, LecternUser user, FormPost post) {
    Ui ui = post.ui();
    SessionForm form = SessionForm.from(post.data());
    try {
      var problems = new InvalidInputException.Collector();
      var raw = form.toRaw(p.timeZone(), problems);
      var people = form.people(allowedSpeakers(user, s), problems);
      if (s == null) {
        Session added = sessions.create(user, p.id(), raw, people, form.publish(), problems);
        return post.redirect("/admin/sessions/" + added.id(), ui.t("admin.session.created"));
      }
      sessions.update(user, s.id(), raw, people, problems);
      return post.redirect("/admin/sessions/" + s.id(), ui.t("admin.saved"));
    } catch (InvalidInputException e) {
      var page = pages.session(p, s, form, FormErrors.of(e, ui), user, ui);
      return post.redraw(e, page, VIEW);
    }
  }

  private Set<UUID> allowedSpeakers(LecternUser user, Session s) {
    return pages.choosableSpeakers(user, s).stream().map(Speaker::id).collect(Collectors.toSet());
  }
}
