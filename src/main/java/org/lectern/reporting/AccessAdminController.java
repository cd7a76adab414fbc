package org.lectern.reporting;

import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.identity.UserService;
import org.lectern.programme.ProgrammeRole;
import org.lectern.programme.ProgrammeService;
import org.lectern.reporting.ReportViews.MemberForm;
import org.lectern.reporting.ReportViews.MembersPage;
import org.lectern.reporting.ReportViews.UserForm;
import org.lectern.reporting.ReportViews.UsersPage;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.web.FormErrors;
import org.lectern.shared.web.Ui;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Back-office pages to create accounts (administrators) and to give a person a role on a programme
 * (organisers) — how funders get their view of the report.
 */
@Controller
class AccessAdminController {

  private final UserService users;
  private final ProgrammeService programmes;

  AccessAdminController(UserService users, ProgrammeService programmes) {
    this.users = users;
    this.programmes = programmes;
  }

  @GetMapping("/admin/users")
  String users(
      @RequestParam(required = false) String created,
      @AuthenticationPrincipal LecternUser actor,
      Model model) {
    requireAdmin(actor);
    model.addAttribute(
        "page", new UsersPage(new UserForm("", "", "ru"), FormErrors.none(), created));
    return "reporting/users";
  }

  @PostMapping("/admin/users")
  String createUser(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "en") String language,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    var form = new UserForm(email.strip(), fullName.strip(), language);
    try {
      users.createAccount(actor, form.email(), form.fullName(), null, language);
    } catch (InvalidInputException | org.lectern.shared.error.ConflictException e) {
      model.addAttribute("page", new UsersPage(form, FormErrors.of(e, ui), null));
      return "reporting/users";
    }
    return "redirect:/admin/users?created="
        + org.springframework.web.util.UriUtils.encode(form.email(), "UTF-8");
  }

  @GetMapping("/admin/programmes/{id}/members")
  String members(
      @PathVariable UUID id,
      @RequestParam(required = false) String granted,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    var p = programmes.manageable(actor, id);
    model.addAttribute(
        "page",
        new MembersPage(
            id.toString(),
            p.title().in(ui.lang(), p.languages()),
            new MemberForm("", "FUNDER"),
            FormErrors.none(),
            granted != null));
    return "reporting/members";
  }

  @PostMapping("/admin/programmes/{id}/members")
  String grant(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String role,
      @AuthenticationPrincipal LecternUser actor,
      Ui ui,
      Model model) {
    var p = programmes.manageable(actor, id);
    var form = new MemberForm(email.strip(), role);
    try {
      var problems = new InvalidInputException.Collector();
      var user = form.email().isEmpty() ? null : users.findByEmail(form.email()).orElse(null);
      problems.check(user != null, "email", "reporting.members.unknown");
      problems.check(
          java.util.Arrays.stream(ProgrammeRole.values()).anyMatch(r -> r.name().equals(role)),
          "role",
          "validation.choice");
      problems.throwIfAny();
      programmes.grant(actor, id, user.id(), ProgrammeRole.valueOf(role));
    } catch (DomainException e) {
      model.addAttribute(
          "page",
          new MembersPage(
              id.toString(),
              p.title().in(ui.lang(), p.languages()),
              form,
              FormErrors.of(e, ui),
              false));
      return "reporting/members";
    }
    return "redirect:/admin/programmes/" + id + "/members?granted";
  }

  private void requireAdmin(LecternUser actor) {
    if (!users.mayCreateAccounts(actor)) {
      throw new org.lectern.shared.error.ForbiddenException("reporting.users.forbidden");
    }
  }
}
