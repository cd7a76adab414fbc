package org.lectern.admin;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeService;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A programme's home in the back office — its overview — and the pages of its menu that belong to
 * no other feature: sessions, live rooms, settings.
 */
@Controller
record ProgrammeOverviewController(
    ProgrammeService programmes, AdminPages pages, OverviewPages overviews) {

  @GetMapping("/admin/programmes/{id}")
  String overview(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Programme p = programmes.manageable(user, Ids.parse(id));
    model.addAttribute("page", overviews.overview(user, p, ui));
    return "admin/overview";
  }

  @GetMapping("/admin/programmes/{id}/settings")
  String settings(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Programme p = programmes.manageable(user, Ids.parse(id));
    model.addAttribute(
        "page", pages.programme(p, ProgrammeForm.of(p), FormErrors.none(), null, ui));
    return "admin/programme";
  }

  @GetMapping("/admin/programmes/{id}/sessions")
  String sessions(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    UUID pid = Ids.parse(id);
    Programme p = programmes.manageable(user, pid);
    model.addAttribute("page", overviews.sessions(p, ui));
    return "admin/sessions";
  }

  @GetMapping("/admin/programmes/{id}/live")
  String live(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    Programme p = programmes.manageable(user, Ids.parse(id));
    model.addAttribute("page", overviews.live(p, ui));
    return "admin/live";
  }
}
