package org.lectern.admin;

import org.lectern.identity.LecternUser;
import org.lectern.organisation.OrganisationService;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The back office's start page: the programmes the organiser manages. */
@Controller
record DashboardController(AdminPages pages, OrganisationService organisations) {

  @GetMapping("/admin")
  String dashboard(@AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    // A fresh installation: nothing can be organised before the first organisation is set up.
    if (user.platformAdmin() && organisations.none()) {
      return "redirect:/admin/organisations/new";
    }
    model.addAttribute("page", pages.dashboard(user, ui));
    return "admin/dashboard";
  }
}
