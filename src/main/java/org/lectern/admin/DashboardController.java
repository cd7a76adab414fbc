package org.lectern.admin;

import org.lectern.identity.LecternUser;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The back office's start page: the programmes the organiser manages. */
@Controller
class DashboardController {

  private final AdminPages pages;

  DashboardController(AdminPages pages) {
    this.pages = pages;
  }

  @GetMapping("/admin")
  String dashboard(@AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    model.addAttribute("page", pages.dashboard(user, ui));
    return "admin/dashboard";
  }
}
