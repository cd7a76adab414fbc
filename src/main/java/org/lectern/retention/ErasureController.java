package org.lectern.retention;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An organiser carries out a person's erasure request from the registrations page: a page that says
 * what will go and what stays, and a button. Nothing is erased by following a link.
 */
@Controller
record ErasureController(Erasure erasure) {

  @GetMapping("/admin/registrations/{id}/erase")
  String confirm(
      @AuthenticationPrincipal LecternUser actor,
      @PathVariable String id,
      @RequestParam(required = false) Integer erased,
      Ui ui,
      Model model) {
    UUID registrationId = uuid(id);
    var t = erasure.target(actor, registrationId);
    model.addAttribute(
        "page",
        new RetentionPages.ErasurePage(
            registrationId.toString(),
            t.programme().id().toString(),
            ui.text(t.programme().title(), t.programme().languages()),
            t.registrations().size(),
            erased));
    return "retention/erase";
  }

  @PostMapping("/admin/registrations/{id}/erase")
  @org.lectern.identity.FreshSecondFactor
  String erase(@AuthenticationPrincipal LecternUser actor, @PathVariable String id) {
    UUID registrationId = uuid(id);
    int n = erasure.eraseByOrganiser(actor, registrationId);
    return "redirect:/admin/registrations/" + registrationId + "/erase?erased=" + n;
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("registration.notFound");
    }
  }
}
