package org.lectern.organisation;

import java.util.List;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page behind an invitation's link (ADR 0010): the invited person, signed in as the invited
 * account, accepts or declines. A link of another account, a spent or expired one and one that
 * never existed are the same 404.
 */
@Controller
record OrganisationInvitationController(OrganisationInvitations invitations) {

  @GetMapping("/admin/invitations/{token}")
  String show(
      @PathVariable String token, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    var opened =
        invitations.open(user, token).orElseThrow(OrganisationInvitationController::unknown);
    var name = opened.organisation().name().show(ui.lang(), List.of("en", "ru", "kk"));
    model.addAttribute(
        "page",
        new OrganisationViews.InvitationPage(
            token, name.text(), name.lang(), opened.invitation().role().name()));
    return "organisation/invitation";
  }

  @PostMapping("/admin/invitations/{token}/accept")
  String accept(
      @PathVariable String token,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      RedirectAttributes redirect) {
    invitations.accept(user, token);
    redirect.addFlashAttribute("flash", ui.t("organisation.invitation.accepted"));
    // The list of the person's organisations: a MEMBER may not open the settings.
    return "redirect:/admin/organisations";
  }

  @PostMapping("/admin/invitations/{token}/decline")
  String decline(
      @PathVariable String token,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      RedirectAttributes redirect) {
    invitations.decline(user, token);
    redirect.addFlashAttribute("flash", ui.t("organisation.invitation.declined"));
    return "redirect:/admin";
  }

  private static NotFoundException unknown() {
    return new NotFoundException("organisation.invitation.invalid");
  }
}
