package org.lectern.identity;

import java.util.List;
import java.util.UUID;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators list the accounts they manage and disable or re-enable them. */
@Controller
record AccountsAdminController(Accounts accounts) {

  @GetMapping("/admin/accounts")
  String list(
      @AuthenticationPrincipal LecternUser actor,
      @RequestParam(required = false) String done,
      Ui ui,
      Model model) {
    String notice =
        done == null || !List.of("disabled", "enabled").contains(done)
            ? null
            : ui.t("identity.accounts.done." + done);
    model.addAttribute("page", new AccountsPage(accounts.manageable(actor), actor.id(), notice));
    return "identity/accounts";
  }

  @PostMapping("/admin/accounts/{id}/disable")
  String disable(@AuthenticationPrincipal LecternUser actor, @PathVariable UUID id) {
    accounts.setDisabled(actor, id, true);
    return "redirect:/admin/accounts?done=disabled";
  }

  @PostMapping("/admin/accounts/{id}/enable")
  String enable(@AuthenticationPrincipal LecternUser actor, @PathVariable UUID id) {
    accounts.setDisabled(actor, id, false);
    return "redirect:/admin/accounts?done=enabled";
  }
}
