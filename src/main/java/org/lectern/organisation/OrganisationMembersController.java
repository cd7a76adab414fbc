package org.lectern.organisation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.organisation.OrganisationViews.InviteForm;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The members page of an organisation: invite by e-mail, change a role, remove someone. */
@Controller
record OrganisationMembersController(
    OrganisationService organisations,
    OrganisationMembers members,
    OrganisationInvitations invitations,
    OrganisationPages pages) {

  private static final String VIEW = "organisation/members";

  @GetMapping("/admin/organisations/{id}/members")
  String list(
      @PathVariable String id, @AuthenticationPrincipal LecternUser user, Ui ui, Model model) {
    return show(user, id(id), InviteForm.blank(ui.lang()), FormErrors.none(), ui, model);
  }

  @PostMapping("/admin/organisations/{id}/members")
  @org.lectern.identity.FreshSecondFactor
  String invite(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "en") String language,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    UUID org = id(id);
    var form = new InviteForm(email.strip(), fullName.strip(), role, language);
    try {
      var r =
          OrganisationRole.parse(role)
              .orElseThrow(() -> InvalidInputException.of("role", "validation.choice"));
      if (user.platformAdmin()) {
        // A platform administrator sees every account anyway: the account is added at once.
        members.invite(user, org, form.email(), form.fullName(), r, language);
        redirect.addFlashAttribute("flash", ui.t("organisation.members.invited", form.email()));
      } else {
        // An address with an account and a new one get the same answer (ADR 0010).
        invitations.invite(user, org, form.email(), form.fullName(), r, language);
        redirect.addFlashAttribute("flash", ui.t("organisation.invitation.sent", form.email()));
      }
    } catch (InvalidInputException | ConflictException e) {
      response.setStatus(status(e));
      return show(user, org, form, FormErrors.of(e, ui), ui, model);
    }
    return "redirect:/admin/organisations/" + org + "/members";
  }

  @PostMapping("/admin/organisations/{id}/members/{userId}/role")
  @org.lectern.identity.FreshSecondFactor
  String changeRole(
      @PathVariable String id,
      @PathVariable String userId,
      @RequestParam(defaultValue = "") String role,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    UUID org = id(id);
    try {
      var r =
          OrganisationRole.parse(role)
              .orElseThrow(() -> InvalidInputException.of("role", "validation.choice"));
      members.changeRole(user, org, member(userId), r);
    } catch (InvalidInputException | ConflictException e) {
      response.setStatus(status(e));
      return show(user, org, InviteForm.blank(ui.lang()), FormErrors.of(e, ui), ui, model);
    }
    redirect.addFlashAttribute("flash", ui.t("organisation.members.roleChanged"));
    return "redirect:/admin/organisations/" + org + "/members";
  }

  @PostMapping("/admin/organisations/{id}/members/{userId}/remove")
  String remove(
      @PathVariable String id,
      @PathVariable String userId,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    UUID org = id(id);
    try {
      members.remove(user, org, member(userId));
    } catch (ConflictException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return show(user, org, InviteForm.blank(ui.lang()), FormErrors.of(e, ui), ui, model);
    }
    redirect.addFlashAttribute("flash", ui.t("organisation.members.removed"));
    return "redirect:/admin/organisations/" + org + "/members";
  }

  @PostMapping("/admin/organisations/{id}/invitations/{invitationId}/withdraw")
  String withdraw(
      @PathVariable String id,
      @PathVariable String invitationId,
      @AuthenticationPrincipal LecternUser user,
      Ui ui,
      RedirectAttributes redirect) {
    UUID org = id(id);
    invitations.withdraw(user, org, invitation(invitationId));
    redirect.addFlashAttribute("flash", ui.t("organisation.invitation.withdrawn"));
    return "redirect:/admin/organisations/" + org + "/members";
  }

  private String show(
      LecternUser user, UUID org, InviteForm form, FormErrors errors, Ui ui, Model model) {
    Organisation o = organisations.administrable(user, org);
    model.addAttribute(
        "page",
        pages.members(
            o, members.list(user, org), invitations.pending(user, org), user, form, errors, ui));
    return VIEW;
  }

  private static int status(DomainException e) {
    return e instanceof ConflictException
        ? HttpStatus.CONFLICT.value()
        : HttpStatus.UNPROCESSABLE_CONTENT.value();
  }

  private static UUID id(String id) {
    return OrganisationApiController.pathId(id);
  }

  private static UUID invitation(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("organisation.invitation.notFound");
    }
  }

  private static UUID member(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("organisation.member.notFound");
    }
  }
}
